// hsct example and batch tool: reduce HLA typings to G groups, P groups, lgx, lg or serology in
// an IPD-IMGT/HLA release (issue 8), one typing a line, the way a registry would run it.
//
//   hla_reduce <release dir> <G|P|lgx|lg|S|S-lgx> [--csv] [--mac numer.v3.txt] [input file]
//
// Input (the file, or standard input):
//  - GL Strings, one a line ("A*02:01+A*24:02^B*07:02+B*44:02"); empty lines and lines
//    starting with '#' are copied as they are;
//  - with --csv: a header line, then one record a line: the first column is copied (an ID),
//    every other cell is a name or a GL String and is reduced (an empty cell stays empty).
//    Cells are separated by ',' and not quoted (no HLA name or GL String holds a comma).
// With --mac, NMDP multiple allele codes are expanded with that table (NMDP's numer.v3.txt
// format); without it they are kept as written.
// Output (standard output): the same lines, reduced. Messages (standard error), each with the
// line number (and the column for CSV): a line or cell that cannot be read (its output is left
// empty), and every name the release could not reduce (kept as written, or dropped for
// serology, as docs/donor.md says). An error never stops the batch.
// Exit status: 0 when every line was read, 1 when some line or cell could not be read, 2 when
// the release cannot be loaded or the arguments are wrong.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <hsct/donor/gl_reduction.hpp>
#include <hsct/donor/mac_table.hpp>

namespace {

namespace d = hsct::donor;

std::optional<d::hla_reduction> target_of(std::string_view t) {
    if (t == "G") return d::hla_reduction::g_group;
    if (t == "P") return d::hla_reduction::p_group;
    if (t == "lgx") return d::hla_reduction::lgx;
    if (t == "lg") return d::hla_reduction::lg;
    if (t == "S") return d::hla_reduction::serology;
    if (t == "S-lgx") return d::hla_reduction::serology_lgx;
    return std::nullopt;
}

std::vector<std::string_view> split(std::string_view line, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == sep) {
            out.push_back(line.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

class batch {
public:
    batch(const d::hla_release& rel, d::hla_reduction to, const d::mac_table* macs)
        : rel_(rel), to_(to), macs_(macs) {}

    /// One typing: its reduced text, or nullopt (and a message) when it cannot be read.
    std::optional<std::string> reduce(std::string_view typing, const std::string& where) {
        const auto gl = d::parse_gl_string(typing);
        if (!gl) {
            std::cerr << where << ": " << gl.error().message() << "\n";
            failed_ = true;
            return std::nullopt;
        }
        const auto r = macs_ != nullptr ? d::reduce_gl(rel_, *gl, to_, *macs_)
                                        : d::reduce_gl(rel_, *gl, to_);
        for (const auto& note : r.notes) {
            std::cerr << where << ": " << d::to_string(note.name) << ": " << d::label(note.status)
                      << (note.status == d::hla_reduction_status::no_antigen ? " (dropped)"
                                                                             : " (kept as written)")
                      << "\n";
        }
        return r.text();
    }

    void gl_lines(std::istream& in) {
        std::string line;
        for (std::size_t n = 1; std::getline(in, line); ++n) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            if (line.empty() || line.front() == '#') {
                std::cout << line << "\n";
                continue;
            }
            const auto out = reduce(line, "line " + std::to_string(n));
            std::cout << out.value_or("") << "\n";
        }
    }

    void csv_lines(std::istream& in) {
        std::string line;
        std::vector<std::string> header;
        for (std::size_t n = 1; std::getline(in, line); ++n) {
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            const auto cells = split(line, ',');
            if (n == 1) {
                for (const auto c : cells) {
                    header.emplace_back(c);
                }
                std::cout << line << "\n";
                continue;
            }
            if (cells.size() != header.size()) {
                std::cerr << "line " << n << ": " << cells.size() << " cells; expected "
                          << header.size() << " (one per header column)\n";
                failed_ = true;
                std::cout << "\n";
                continue;
            }
            std::string out(cells[0]);
            for (std::size_t k = 1; k < cells.size(); ++k) {
                out += ',';
                if (!cells[k].empty()) {
                    out += reduce(cells[k], "line " + std::to_string(n) + ", " + header[k]).value_or("");
                }
            }
            std::cout << out << "\n";
        }
    }

    [[nodiscard]] bool failed() const noexcept { return failed_; }

private:
    const d::hla_release& rel_;
    d::hla_reduction to_;
    const d::mac_table* macs_;
    bool failed_ = false;
};

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string_view> args(argv + 1, argv + argc);
    bool csv = false;
    std::string mac_file;
    for (auto it = args.begin(); it != args.end();) {
        if (*it == "--csv") {
            csv = true;
            it = args.erase(it);
        } else if (*it == "--mac" && it + 1 != args.end()) {
            mac_file = std::string(*(it + 1));
            it = args.erase(it, it + 2);
        } else {
            ++it;
        }
    }
    const auto to = args.size() >= 2 ? target_of(args[1]) : std::nullopt;
    if (args.size() < 2 || args.size() > 3 || !to) {
        std::cerr << "usage: hla_reduce <release dir> <G|P|lgx|lg|S|S-lgx> [--csv] "
                     "[--mac numer.v3.txt] [input file]\n";
        return 2;
    }
    const auto rel = d::load_hla_release(std::string(args[0]));
    if (!rel) {
        std::cerr << "cannot load the release: " << rel.error().message() << "\n";
        return 2;
    }
    std::ifstream file;
    if (args.size() == 3) {
        file.open(std::string(args[2]), std::ios::binary);
        if (!file) {
            std::cerr << "cannot read " << args[2] << "\n";
            return 2;
        }
    }
    std::istream& in = args.size() == 3 ? static_cast<std::istream&>(file) : std::cin;
    std::optional<d::mac_table> macs;
    if (!mac_file.empty()) {
        auto loaded = d::load_mac_table(mac_file);
        if (!loaded) {
            std::cerr << "cannot load the MAC table: " << loaded.error().message() << "\n";
            return 2;
        }
        macs = *std::move(loaded);
    }
    batch b(*rel, *to, macs ? &*macs : nullptr);
    if (csv) {
        b.csv_lines(in);
    } else {
        b.gl_lines(in);
    }
    return b.failed() ? 1 : 0;
}
