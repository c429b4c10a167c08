// The canvas's own words in the page's language (English or Korean). English text is the key:
// a phrase without a translation comes back unchanged, so a missing entry degrades to English.
#pragma once

#include <cstdint>
#include <string>

namespace looplab::viz {

enum class Language : uint8_t { English, Korean };

void set_language(Language language);
Language language();

// `english` in the current language; the pointer stays valid (static strings only).
const char* tr(const char* english);

// Every translation of the current language in one string, for the font to bake its glyphs.
const std::string& translated_text();

}  // namespace looplab::viz
