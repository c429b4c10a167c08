// SHA-512 (FIPS 180-4), for random.seed(str/bytes), which hashes the seed as random.py does.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace looplab {

std::array<uint8_t, 64> sha512(std::string_view data);

}  // namespace looplab
