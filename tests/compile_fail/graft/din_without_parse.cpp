// Misuse (GRAFT-ISBT-001): a DIN is made only by parse_din, which checks it; a default-made DIN
// (13 unchecked characters) must not compile.
// expect-error: is private within this context|calling a private constructor of class 'hsct::graft::din'
#include <hsct/graft/isbt128.hpp>

bool cf_din_without_parse() {
#ifdef HSCT_CONTROL
    const auto d = hsct::graft::parse_din("A999921123456");
    return d.has_value() && d->year() == 21;
#else
    const hsct::graft::din d;
    return d.year() == 21;
#endif
}
