// A minimal XML well-formedness checker for the SVG the example chart writer produces
// (examples/viz/engraftment_svg.hpp), shared by its unit test and by hsct_svg_check, the tool CI
// runs on the chart the FHIR example writes. It is not a general XML parser: it accepts what a
// plain SVG document needs and refuses the rest.
//
// Checked: an optional XML declaration first; processing instructions and comments (no "--"
// inside); elements whose start and end tags balance and nest; names of the XML name form;
// attributes separated by white space, each name once, each value in double or single quotes,
// with no '<' in it; '&' only as a predefined entity (amp, lt, gt, quot, apos) or a numeric
// character reference; only white space outside the root element; exactly one root element.
// Refused: a DOCTYPE, CDATA sections, anything else starting with "<!".
//
// The elements are recorded in document order, with their attributes (entities decoded) and the
// text directly inside them, so a test can ask which markers a chart holds.
#ifndef HSCT_TESTS_EXAMPLES_XML_CHECK_HPP
#define HSCT_TESTS_EXAMPLES_XML_CHECK_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hsct_tests::xml {

struct element {
    std::string name;
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text;         ///< the text directly inside, entities decoded
    std::size_t depth = 0;    ///< 0 for the root

    [[nodiscard]] std::optional<std::string> attribute(std::string_view n) const {
        for (const auto& [k, v] : attributes) {
            if (k == n) {
                return v;
            }
        }
        return std::nullopt;
    }
    /// True when the class attribute lists `c` among its white-space separated names.
    [[nodiscard]] bool has_class(std::string_view c) const {
        const auto cls = attribute("class");
        if (!cls) {
            return false;
        }
        std::string_view s(*cls);
        while (!s.empty()) {
            const auto start = s.find_first_not_of(" \t\r\n");
            if (start == std::string_view::npos) {
                break;
            }
            s.remove_prefix(start);
            const auto end = s.find_first_of(" \t\r\n");
            if (s.substr(0, end) == c) {
                return true;
            }
            s.remove_prefix(end == std::string_view::npos ? s.size() : end);
        }
        return false;
    }
};

struct document {
    bool ok = false;
    std::string error;       ///< what is wrong and at which byte offset, when not ok
    std::vector<element> elements;
};

namespace detail {

inline bool name_start(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == ':' ||
           static_cast<unsigned char>(c) >= 0x80;
}
inline bool name_char(char c) {
    return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
inline bool space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// Decodes character data: '&' must start a known entity or a character reference. Returns
/// false (with `why`) otherwise, or on a '<' (which markup would have taken).
inline bool decode(std::string_view s, std::string& out, std::string& why) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '<') {
            why = "'<' in character data or an attribute value";
            return false;
        }
        if (c != '&') {
            out += c;
            continue;
        }
        const auto semi = s.find(';', i);
        if (semi == std::string_view::npos || semi - i > 12) {
            why = "'&' not starting an entity (write &amp;)";
            return false;
        }
        const auto ent = s.substr(i + 1, semi - i - 1);
        if (ent == "amp") {
            out += '&';
        } else if (ent == "lt") {
            out += '<';
        } else if (ent == "gt") {
            out += '>';
        } else if (ent == "quot") {
            out += '"';
        } else if (ent == "apos") {
            out += '\'';
        } else if (ent.size() >= 2 && ent[0] == '#') {
            const bool hex = ent[1] == 'x';
            const auto digits = ent.substr(hex ? 2 : 1);
            std::uint32_t cp = 0;
            bool good = !digits.empty();
            for (const char d : digits) {
                std::uint32_t v = 0;
                if (d >= '0' && d <= '9') {
                    v = static_cast<std::uint32_t>(d - '0');
                } else if (hex && d >= 'a' && d <= 'f') {
                    v = static_cast<std::uint32_t>(d - 'a' + 10);
                } else if (hex && d >= 'A' && d <= 'F') {
                    v = static_cast<std::uint32_t>(d - 'A' + 10);
                } else {
                    good = false;
                    break;
                }
                cp = cp * (hex ? 16u : 10u) + v;
                if (cp > 0x10FFFF) {
                    good = false;
                    break;
                }
            }
            const bool legal = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
                               (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!good || !legal) {
                why = "a character reference that is not a legal XML character";
                return false;
            }
            append_utf8(out, cp);
        } else {
            why = std::string("an undeclared entity &").append(ent).append(";");
            return false;
        }
        i = semi;
    }
    return true;
}

}  // namespace detail

/// Checks `s` and records its elements. `ok` is false, with the reason, at the first fault.
inline document check(std::string_view s) {
    document doc;
    std::vector<std::size_t> open;  // indices into doc.elements
    bool root_seen = false;
    std::size_t i = 0;
    const auto fail = [&](const std::string& why) {
        doc.ok = false;
        doc.error = std::string(why).append(" (at byte ").append(std::to_string(i)).append(")");
        return doc;
    };
    const auto read_name = [&](std::string& name) {
        if (i >= s.size() || !detail::name_start(s[i])) {
            return false;
        }
        const std::size_t start = i;
        while (i < s.size() && detail::name_char(s[i])) {
            ++i;
        }
        name.assign(s.substr(start, i - start));
        return true;
    };
    const auto skip_space = [&] {
        const std::size_t start = i;
        while (i < s.size() && detail::space(s[i])) {
            ++i;
        }
        return i > start;
    };
    if (s.substr(0, 5) == "<?xml") {
        const auto end = s.find("?>");
        if (end == std::string_view::npos) {
            return fail("an unterminated XML declaration");
        }
        i = end + 2;
    }
    while (i < s.size()) {
        if (s[i] != '<') {  // character data
            const auto next = s.find('<', i);
            const auto run = s.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
            std::string text;
            std::string why;
            if (!detail::decode(run, text, why)) {
                return fail(why);
            }
            if (open.empty()) {
                for (const char c : run) {
                    if (!detail::space(c)) {
                        return fail("text outside the root element");
                    }
                }
            } else {
                doc.elements[open.back()].text += text;
            }
            i = next == std::string_view::npos ? s.size() : next;
            continue;
        }
        if (s.substr(i, 4) == "<!--") {
            const auto end = s.find("--", i + 4);
            if (end == std::string_view::npos || s.substr(end, 3) != "-->") {
                return fail("a comment with \"--\" inside or without its end");
            }
            i = end + 3;
            continue;
        }
        if (s.substr(i, 2) == "<!") {
            return fail("a DOCTYPE, CDATA section or other declaration (not supported)");
        }
        if (s.substr(i, 2) == "<?") {
            const auto end = s.find("?>", i + 2);
            if (end == std::string_view::npos) {
                return fail("an unterminated processing instruction");
            }
            i = end + 2;
            continue;
        }
        if (s.substr(i, 2) == "</") {  // an end tag
            i += 2;
            std::string name;
            if (!read_name(name)) {
                return fail("an end tag without a name");
            }
            skip_space();
            if (i >= s.size() || s[i] != '>') {
                return fail(std::string("an end tag </").append(name).append(" not closed by '>'"));
            }
            ++i;
            if (open.empty() || doc.elements[open.back()].name != name) {
                return fail(std::string("</").append(name).append("> does not close ").append(
                    open.empty() ? std::string("any open element")
                             : std::string("<").append(doc.elements[open.back()].name).append(">")));
            }
            open.pop_back();
            continue;
        }
        // a start tag or an empty-element tag
        ++i;
        element e;
        if (!read_name(e.name)) {
            return fail("'<' not starting a tag");
        }
        if (open.empty() && root_seen) {
            return fail(std::string("a second root element <").append(e.name).append(">"));
        }
        e.depth = open.size();
        bool empty = false;
        for (;;) {
            const bool spaced = skip_space();
            if (i >= s.size()) {
                return fail(std::string("an unterminated tag <").append(e.name));
            }
            if (s[i] == '>') {
                ++i;
                break;
            }
            if (s.substr(i, 2) == "/>") {
                i += 2;
                empty = true;
                break;
            }
            if (!spaced) {
                return fail(std::string("no white space before an attribute of <").append(e.name).append(">"));
            }
            std::string an;
            if (!read_name(an)) {
                return fail(std::string("a malformed attribute in <").append(e.name).append(">"));
            }
            skip_space();
            if (i >= s.size() || s[i] != '=') {
                return fail(std::string("attribute ").append(an).append(" without '='"));
            }
            ++i;
            skip_space();
            if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) {
                return fail(std::string("attribute ").append(an).append(" without a quoted value"));
            }
            const char q = s[i++];
            const auto close = s.find(q, i);
            if (close == std::string_view::npos) {
                return fail(std::string("attribute ").append(an).append(": the quote is not closed"));
            }
            std::string value;
            std::string why;
            if (!detail::decode(s.substr(i, close - i), value, why)) {
                return fail(std::string("attribute ").append(an).append(": ").append(why));
            }
            i = close + 1;
            if (e.attribute(an)) {
                return fail(std::string("attribute ").append(an).append(" given twice"));
            }
            e.attributes.emplace_back(std::move(an), std::move(value));
        }
        root_seen = true;
        doc.elements.push_back(std::move(e));
        if (!empty) {
            open.push_back(doc.elements.size() - 1);
        }
    }
    if (!open.empty()) {
        i = s.size();
        return fail(std::string("<").append(doc.elements[open.back()].name).append("> is not closed"));
    }
    if (!root_seen) {
        return fail("no root element");
    }
    doc.ok = true;
    return doc;
}

/// The SVG checks on top of well-formedness: the root is <svg> with the SVG namespace, a
/// viewBox, a width and a height, and holds a <title> and a <desc>; no "nan" or "inf" appears as
/// a word in any attribute value or text. Returns what is wrong, or nothing.
inline std::optional<std::string> check_svg(const document& d) {
    if (!d.ok) {
        return std::string("not well-formed: ").append(d.error);
    }
    const auto& root = d.elements.front();
    if (root.name != "svg") {
        return std::string("the root is <").append(root.name).append(">, not <svg>");
    }
    if (root.attribute("xmlns") != std::optional<std::string>("http://www.w3.org/2000/svg")) {
        return std::string("<svg> without xmlns=\"http://www.w3.org/2000/svg\"");
    }
    for (const char* a : {"viewBox", "width", "height"}) {
        if (!root.attribute(a)) {
            return std::string("<svg> without ").append(a);
        }
    }
    bool title = false;
    bool desc = false;
    for (const auto& e : d.elements) {
        title = title || (e.depth == 1 && e.name == "title" && !e.text.empty());
        desc = desc || (e.depth == 1 && e.name == "desc" && !e.text.empty());
    }
    if (!title || !desc) {
        return std::string("<svg> without a <title> and a <desc>");
    }
    const auto bad_word = [](std::string_view t) -> std::optional<std::string> {
        std::string word;
        for (std::size_t k = 0; k <= t.size(); ++k) {
            const char c = k < t.size() ? t[k] : ' ';
            const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (letter) {
                word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                continue;
            }
            if (word == "nan" || word == "inf" || word == "infinity") {
                return word;
            }
            word.clear();
        }
        return std::nullopt;
    };
    for (const auto& e : d.elements) {
        for (const auto& [k, v] : e.attributes) {
            if (const auto w = bad_word(v)) {
                return std::string("\"").append(*w).append("\" in attribute ").append(k).append(" of <").append(e.name).append(">");
            }
        }
        if (const auto w = bad_word(e.text)) {
            return std::string("\"").append(*w).append("\" in the text of <").append(e.name).append(">");
        }
    }
    return std::nullopt;
}

/// The elements carrying a class.
inline std::vector<const element*> with_class(const document& d, std::string_view c) {
    std::vector<const element*> out;
    for (const auto& e : d.elements) {
        if (e.has_class(c)) {
            out.push_back(&e);
        }
    }
    return out;
}

}  // namespace hsct_tests::xml

#endif  // HSCT_TESTS_EXAMPLES_XML_CHECK_HPP
