// "American Motors Corp said it broke off talks", "British Airways cancelled flights": a country
// word that opens a company's name is that country's business (USABUS), not the state (USA). Business
// news names many companies after their country; coded as the state they made governments sign deals,
// break off talks and agree to buy ships.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "actors/actor_index.h"
#include "actors/spans.h"
#include "dyad/document.h"

namespace dyad::actors {

// True for the words that end a company's name: "Corp", "Inc", "Ltd", "PLC", "Airways", "Motors" ...
bool IsCompanyWord(std::string_view word);

// In a sentence ending at token `end`: a country span followed by capitalised words, up to six, the last of them a
// company word, with no other actor among them, becomes the company: the span grows over the name and
// is coded <country>BUS. Returns how many it changed.
int MarkCompanyNames(const Document& doc, const ActorIndex& index, uint32_t end, std::vector<Span>& spans);

}  // namespace dyad::actors
