// The canvas's words follow the page's language; a phrase without a translation stays English.
#include <doctest/doctest.h>

#include <string>

#include "i18n.h"

using namespace looplab::viz;

TEST_CASE("canvas words in Korean and back") {
  set_language(Language::Korean);
  CHECK(std::string(tr("Event loop")) == "이벤트 루프");
  CHECK(std::string(tr("Ready queue")) == "준비 큐");
  CHECK(std::string(tr("waiting")) == "대기");
  CHECK(std::string(tr("no such phrase")) == "no such phrase");
  CHECK(translated_text().find("타이머 힙\n") != std::string::npos);
  set_language(Language::English);
  CHECK(std::string(tr("Event loop")) == "Event loop");
  CHECK(translated_text().empty());
}
