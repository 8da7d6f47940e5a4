// The annotation layers as stored (schema version 5): one JSON array per layer in article_layers,
// read back through the views with the columns, values and SQL types the old tables had.
#include "store/article_layers.h"

#include <gtest/gtest.h>

#include <string>

#include "store/schema.h"
#include "store/store_test_util.h"
#include "store/test_articles.h"
#include "store/writer.h"

namespace dyad::store {
namespace {

using testing::FreshStorePath;
using testing::MakeTestArticle;

// Every text value survives JSON and json_extract: quotes, backslashes, each control character,
// multi-byte UTF-8.
TEST(ArticleLayers, JsonStringsRoundTripThroughSqlite) {
  auto db = Db::Open(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  ASSERT_TRUE(db.ok());
  std::string controls;
  for (int c = 1; c < 0x20; ++c) controls.push_back(static_cast<char>(c));
  for (const std::string& text : {std::string("plain"), std::string("say \"no\" \\ or / not"), controls,
                                  std::string("Erdo\xC4\x9F" "an \xE2\x80\x9Cquoted\xE2\x80\x9D \xF0\x9F\x98\x80"),
                                  std::string("\x7F tail")}) {
    std::string json = "[";
    AppendJsonString(&json, text);
    json += "]";
    auto s = Stmt::Prepare(db->get(), "SELECT json_valid(?1), json_extract(?1, '$[0]')");
    ASSERT_TRUE(s.ok());
    s->Bind(1, std::string_view(json));
    ASSERT_TRUE(*s->Step());
    EXPECT_EQ(s->Int(0), 1) << json;
    EXPECT_EQ(s->Text(1), text) << json;
  }
}

// One article with every layer, written and read back through the views.
TEST(ArticleLayers, ViewsGiveBackEveryLayerWithItsTypes) {
  std::string path = FreshStorePath("every_layer.db");
  auto a = MakeTestArticle("layers-1", "2022-07-18", {{"RUSGOV", "IRNGOV", "036"}, {"TURGOV", "SYRREB", "190"}});
  Document& d = a.doc;
  // Tokens of the second sentence: 3 (TURGOV), 4 (met), 5 (SYRREB). The first sentence's curly quotes
  // take 3 bytes each: the second sentence starts at byte 31 and character 27.
  d.mutable_mentions()[1].name = d.Intern("Islamic \"Republic\"\n\\ of Iran");
  d.mutable_mentions()[1].antecedent = 0;
  d.mutable_mentions()[2].partner = 3;
  d.mutable_timexes().push_back({4, 5, d.Intern("DATE"), d.Intern("2022-07-18")});
  d.mutable_amounts().push_back({3, 4, 22e6, d.Intern("USD"), d.Intern("money")});
  d.mutable_amounts().push_back({4, 5, 5.0, kNoStr, d.Intern("count")});
  PlaceRow tehran{5, 6, d.Intern("Tehran"), d.Intern("IRN"), d.Intern("city"), 35.69, 51.42, true};
  PlaceRow nowhere{3, 4, d.Intern("Somewhere"), kNoStr, kNoStr, 0, 0, false};
  d.mutable_places() = {tehran, nowhere};
  d.mutable_entities().push_back({3, 4, d.Intern("ORG")});
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    ArticleToStore batch[] = {{&a.doc, &a.events}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto text = [&](const std::string& sql) {
    auto s = Stmt::Prepare(db->get(), sql);
    EXPECT_TRUE(s.ok()) << sql;
    if (!s.ok() || !*s->Step()) return std::string("<no row>");
    return std::string(s->Text(0));
  };
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM article_layers"), 1);
  // Sentences: idx from the array position, character offsets, integers.
  EXPECT_EQ(text("SELECT group_concat(idx || ':' || begin || '-' || end || ':' || kind || ':' || typeof(begin), ' ')"
                 " FROM sentences"),
            "0:0-25:0:integer 1:27-52:0:integer");
  EXPECT_EQ(text("SELECT substr(a.text, s.begin + 1, s.end - s.begin) FROM sentences s JOIN articles a"
                 " ON a.id = s.article_id WHERE s.idx = 1"),
            "TURGOV met SYRREB \xE2\x80\x9Ctoday\xE2\x80\x9D");
  // Mentions: escaped text comes back as written; absent text is NULL; partner is new in version 5.
  EXPECT_EQ(text("SELECT name FROM mentions WHERE idx = 1"), "Islamic \"Republic\"\n\\ of Iran");
  EXPECT_EQ(text("SELECT typeof(name) || ',' || typeof(sector) || ',' || antecedent || ',' || partner"
                 " FROM mentions WHERE idx = 0"),
            "null,null,-1,-1");
  EXPECT_EQ(text("SELECT text || ',' || code || ',' || country || ',' || kind || ',' || rule || ',' || antecedent"
                 " FROM mentions WHERE idx = 1"),
            "IRNGOV,IRNGOV,IRN,0,test,0");
  EXPECT_EQ(*db->QueryInt("SELECT partner FROM mentions WHERE idx = 2"), 3);
  EXPECT_EQ(text("SELECT substr(a.text, m.begin + 1, m.end - m.begin) FROM mentions m JOIN articles a"
                 " ON a.id = m.article_id WHERE m.idx = 3"),
            "SYRREB");
  // Dates, amounts (REAL values even when whole), places (NULL coordinates when unknown), entities.
  EXPECT_EQ(text("SELECT text || ',' || type || ',' || value FROM dates"), "met,DATE,2022-07-18");
  EXPECT_EQ(text("SELECT group_concat(typeof(value) || ':' || value || ':' || coalesce(unit, 'NULL') || ':' || kind, ' ')"
                 " FROM amounts"),
            "real:22000000.0:USD:money real:5.0:NULL:count");
  EXPECT_EQ(text("SELECT group_concat(text || ':' || name || ':' || coalesce(country, 'NULL') || ':' ||"
                 " coalesce(lat, 'NULL') || ':' || coalesce(lon, 'NULL'), ' ') FROM places"),
            "SYRREB:Tehran:IRN:35.69:51.42 TURGOV:Somewhere:NULL:NULL:NULL");
  EXPECT_EQ(text("SELECT text || ',' || type || ',' || begin FROM entities"), "TURGOV,ORG,27");
  // Event mentions carry their sentence's span.
  EXPECT_EQ(text("SELECT group_concat(sentence || ':' || sentence_begin || '-' || sentence_end, ' ') FROM event_mentions"),
            "0:0-25 1:27-52");
}

// An article with no sentences or annotations still gets its (empty) row, and the views give nothing.
TEST(ArticleLayers, EmptyLayersAreNull) {
  std::string path = FreshStorePath("empty_layers.db");
  Document doc("Nothing was coded here.");
  doc.meta().id = "empty-1";
  {
    auto w = StoreWriter::Open(path);
    ASSERT_TRUE(w.ok());
    ArticleToStore batch[] = {{&doc, nullptr}};
    ASSERT_TRUE((*w)->Write(batch).ok());
    ASSERT_TRUE((*w)->Close().ok());
  }
  auto db = OpenStore(path, OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  EXPECT_EQ(*db->QueryInt("SELECT count(*) FROM article_layers WHERE coalesce(sentences, mentions, dates, amounts,"
                          " places, entities) IS NULL"), 1);
  for (const char* view : {"sentences", "mentions", "dates", "amounts", "places", "entities"})
    EXPECT_EQ(*db->QueryInt(std::string("SELECT count(*) FROM ") + view), 0) << view;
}

}  // namespace
}  // namespace dyad::store
