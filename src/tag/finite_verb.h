// A repair after tagging: a news sentence needs a finite verb. EWT (web text, many fragments and
// captions) teaches the tagger that a past form after a noun is often a participle ("photos taken in
// Paris"), so "Western countries imposed sanctions on Russia" came out as a noun phrase (imposed/VBN,
// amod) and no event could be coded. When a sentence has no finite verb (VBD, VBZ, VBP, MD) and a
// participle stands between a noun or pronoun and what can only be its object (a determiner, noun,
// adjective, number or pronoun), the participle is the sentence's past-tense verb: VBD with
// Mood=Ind|Tense=Past|VerbForm=Fin. The first such participle only; the lemma stays, UPOS becomes VERB.
// Headlines and leads drop the same way in the present: "The Duma backs Putin's plan" came out as a noun
// phrase with "backs" a plural noun. Without a participle to repair, a lower-case plural noun in -s
// after a singular or proper noun and before what opens an object (after a proper noun also a common
// noun or one of from/against/over/with/of/to/on: "Israel withdraws from Gaza") becomes VBZ.
// Title-case headlines drop the verb before an infinitive ("Afghans Vow to Kill UN Hostage"): a verb
// of intent or attempt (vow, threaten, plan, refuse, ...) right before "to" + a base verb becomes VBP
// after a plural and VBZ in its -s form after a singular ("Bush Plan to Cut Taxes" stays a noun phrase).
#pragma once

#include <string_view>

#include "dyad/document.h"

namespace dyad::tag {

// Penn tags of a finite verb: VBD, VBZ, VBP, MD.
bool IsFiniteVerbTag(std::string_view xpos);

// Retags, in every sentence of `doc` that lacks a finite verb, the participle described above.
// Returns the number of tokens retagged.
int RepairMissingFiniteVerbs(Document& doc);

// "Israeli police shot a teenager", "gunmen shot and wounded a policeman", "police shot dead two
// protesters": "shot" and "struck" tagged as anything but a past form, after a possible subject and
// before what opens an object, "dead", or "and" + a past form, become VBD (lemma "shoot", "strike").
// Runs in every sentence, finite verb or not. Returns the number of tokens retagged.
int RepairIrregularPastTense(Document& doc);

}  // namespace dyad::tag
