// Small hand-written actor tables for the actors module's unit tests (no repository data needed).
#pragma once

#include <memory>
#include <string>

#include "actors/actor_index.h"
#include "dict/actor_tables.h"

namespace dyad::actors::testing {

inline ActorTables SmallTables() {
  ActorTables t;
  ParseCountries(
      "code\tiso2\tname\taliases\tadjectives\tmetonyms\tregions\n"
      "IRN\tIR\tIran\tPersia\tIranian|Iranians\tTehran\tMEA\n"
      "RUS\tRU\tRussia\tRussian Federation\tRussian|Russians\tMoscow|the Kremlin|Kremlin\tEUR\n"
      "USA\tUS\tUnited States\tUS|U.S.|America\tAmerican|Americans\tWashington|the White House\tNMR\n"
      "SYR\tSY\tSyria\t\tSyrian|Syrians\tDamascus\tMEA\n"
      "TUR\tTR\tTurkey\tTürkiye\tTurkish|Turks\tAnkara\tEUR\n"
      "UKR\tUA\tUkraine\t\tUkrainian|Ukrainians\tKyiv|Kiev\tEUR\n",
      "countries.tsv", &t.countries);
  ParseRegions("code\tname\taliases\tadjectives\nWST\tthe West\tWestern countries\tWestern\n", "regions.tsv",
               &t.regions);
  ParseOrganisations(
      "code\tname\taliases\tkind\tcountry\n"
      "IGONAT\tNATO\tNorth Atlantic Treaty Organization\tIGO\t\n"
      "IMGMUSISI\tIslamic State\tIS|ISIS|ISIL\tARMED\t\n"
      "USAMED\tAssociated Press\tAP\tMEDIA\tUSA\n"
      "FRAMED\tAgence France-Presse\tAFP\tMEDIA\tFRA\n"
      "GBRPTYLAB\tLabour Party\tLabour\tPARTY\tGBR\n",
      "organisations.tsv", &t.organisations);
  ParseAgents(
      "noun\tplural\trole\tsector\tnote\n"
      "official\tofficials\tGOV\tgovernment\t\n"
      "government\tgovernments\tGOV\tgovernment\t\n"
      "president\tpresidents\tGOV\tgovernment\t\n"
      "leader\tleaders\tGOV\tgovernment\t\n"
      "foreign minister\tforeign ministers\tGOV\tgovernment\t\n"
      "minister\tministers\tGOV\tgovernment\t\n"
      "force\tforces\tMIL\tmilitary\t\n"
      "police\tpolice\tCOP\tpolice\t\n"
      "protester\tprotesters\tCVL\tcivilian\t\n"
      "fighter\tfighters\tREB\trebel\t\n"
      "parliament\tparliaments\tLEG\tlegislature\t\n"
      "member\tmembers\tCVL\tcivilian\t\n"
      "elite\telites\tELI\telite\t\n"
      "peacekeeper\tpeacekeepers\tIGOPKO\tigo\t\n",
      "agents.tsv", &t.agents);
  ParsePersons(
      "name\taliases\tcode\tfrom\tto\trole\n"
      "Ebrahim Raisi\tRaisi\tIRNJUD\t2019-03-07\t2021-07-01\tHead of Iran's judiciary\n"
      "Ebrahim Raisi\tRaisi\tIRNGOV\t2021-08-03\t2024-05-19\tPresident of Iran\n"
      "Vladimir Putin\tPutin\tRUSGOV\t2000-05-07\t\tPresident of Russia\n"
      "Donald Trump\tTrump\tUSAGOV\t2017-01-20\t2021-01-20\tPresident of the United States\n"
      "Donald Trump\tTrump\tUSAGOV\t2025-01-20\t\tPresident of the United States\n"
      "Recep Tayyip Erdoğan\tErdoğan|Erdogan|Recep Tayyip Erdogan\tTURGOV\t2003-03-14\t\tPresident of Turkey\n"
      "Alexei Navalny\tNavalny\tRUSOPP\t2011\t2024-02-16\tOpposition leader\n"
      "Theresa May\t\tGBRGOV\t2016-07-13\t2019-07-24\tPrime Minister of the United Kingdom\n"
      "Ivanka Trump\t\tUSAGOV\t2017-03-29\t2021-01-20\tAdviser to the President\n",
      "persons/test.tsv", &t.persons);
  return t;
}

inline std::shared_ptr<const ActorIndex> SmallIndex() {
  auto index = std::make_shared<ActorIndex>();
  index->AddTables(SmallTables());
  return index;
}

}  // namespace dyad::actors::testing
