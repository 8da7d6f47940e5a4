// The "places" stage: place names in the article, resolved through the gazetteer (gazetteer.h) with
// the article's own countries as context. Requires kLayerMentions (actor mentions give country
// context and keep person names such as "Obama" or "Warren" from being read as towns); provides
// kLayerPlaces: one PlaceRow per place mention, in text order, with canonical name, country code,
// feature ("country", "city", "subdivision", "water", "region", ...) and coordinates when known.
//
// Matching, per body, headline and dateline sentence (not bylines, credits, boilerplate): the longest
// gazetteer name at each token whose words have the name's capitals ("US" in capitals, "Tehran"
// capitalised, generic tails such as "islands" in any case; a leading "the" is left out; "anti-Iran"
// is read as "Iran"). A city or subdivision name must contain a proper noun; towns (and dyad's own
// towns and islands) must not sit inside a longer proper name ("New York Times", "Elizabeth Warren")
// nor be a word the article uses as a surname ("Warren said" after "Elizabeth Warren"), a month by a
// date ("March 14", "in March") or a small namesake of another country's government ("Whitehall"); a
// one-word town under 100,000 people or island needs a place's context ("in Everett", "Holiday,
// Florida", "southern Mindanao") unless a bigger namesake already makes the word a place. Inside a
// person's or organisation's actor mention only a country opening it ("US President Joe Biden") or a
// one-word organisation after "in"/"at"... ("the summit in Brussels") is read. Not places: names in an
// organisation's name ("Bank of England", "Commission for Latin America and the Caribbean", "China
// Eastern Airlines") or a currency's ("US dollar"). "Town, S.C." reads an AP state abbreviation as the
// state. A direction before a country makes a region ("northern Syria", "north-west Syria" → region
// of SYR, at the country's centre) unless features.tsv has a better row for it.
//
// Resolution of a name that several places share ("Paris", "Georgia", "Punjab"): "City, Country" or
// "City, State" after a comma settles it; otherwise countries beat features, features beat cities and
// subdivisions, and among cities and subdivisions the score is log10(population) plus a bonus for the
// article's countries (countries named as places, half for unambiguous towns, and the countries of
// its actor mentions, in proportion to how often); the same bonus orders countries sharing a name
// ("Congo"). A name a country took on a date is read so only in articles from that date.
//
// Measured against eval/places/gold.tsv (`dyad eval places`, numbers in eval/places/README.md).
//
// Thread-safety: the stage is immutable; Process() needs no scratch. Linear in the tokens (at most
// Gazetteer::kMaxWords lookups per token).
#pragma once

#include <memory>
#include <vector>

#include "dyad/document.h"
#include "dyad/stage.h"
#include "extract/gazetteer.h"

namespace dyad::extract {

// REQUIRES: gazetteer is not null.
std::shared_ptr<const Stage> MakePlaceStage(std::shared_ptr<const Gazetteer> gazetteer);

// The same work as a function (interns names into doc). REQUIRES: doc has tokens and tags.
std::vector<PlaceRow> FindPlaces(const Gazetteer& gazetteer, Document& doc);

}  // namespace dyad::extract
