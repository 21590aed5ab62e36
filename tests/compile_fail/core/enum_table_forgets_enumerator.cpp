// Misuse: an enum table that leaves out one of the enum's enumerators (CORE-ENUM-001). The
// table's audit must fail to compile and say which check failed.
// expect-error: an enumerator of the enum is missing from its table
#include <cstdint>

#include <hsct/core/enum.hpp>

namespace cf {
enum class phase : std::uint8_t { early = 1, middle = 2, late = 3 };
constexpr auto hsct_enum_table(phase) noexcept {
#ifdef HSCT_CONTROL
    return hsct::make_enum_table<phase>("phase", {{phase::early, "early", "early"},
                                                  {phase::middle, "middle", "middle"},
                                                  {phase::late, "late", "late"}});
#else
    return hsct::make_enum_table<phase>("phase", {{phase::early, "early", "early"},
                                                  {phase::late, "late", "late"}});
#endif
}
}  // namespace cf

static_assert(hsct::audit_enum_table<cf::phase>());

int cf_enum_table_forgets_enumerator() {
    return static_cast<int>(hsct::label(cf::phase::late).size());
}
