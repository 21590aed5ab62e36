// Misuse: calling hsct::parse and dropping its result (an error would be lost unseen).
// expect-error: ignoring return value of [^ ]*hsct::result<T> hsct::parse\(std::string_view[^)]*\) \[with Q = mass|ignoring return value of function declared with 'nodiscard' attribute \[-Werror,-Wunused-result\]
// (GCC quotes names with ‘’ in a UTF-8 locale and with ' in the C locale: [^ ]* stands for either.)
#include <hsct/core/units.hpp>

bool cf_discard_parse_result() {
#ifdef HSCT_CONTROL
    const auto r = hsct::parse<hsct::mass>("1 kg");
    return r.has_value();
#else
    hsct::parse<hsct::mass>("1 kg");
    return true;
#endif
}
