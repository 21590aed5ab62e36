// hsct: haematopoietic stem cell transplant workflow library.
// SPDX-License-Identifier: Apache-2.0
//
// The one place the version is written. CMakeLists.txt reads these three macros.
#ifndef HSCT_VERSION_HPP
#define HSCT_VERSION_HPP

#define HSCT_VERSION_MAJOR 0
#define HSCT_VERSION_MINOR 1
#define HSCT_VERSION_PATCH 0

#define HSCT_VERSION_STRING "0.1.0"

namespace hsct {

/// The library's version as numbers, for programs that log which hsct decided a result.
struct version_info {
    int major;
    int minor;
    int patch;
};

inline constexpr version_info version{HSCT_VERSION_MAJOR, HSCT_VERSION_MINOR, HSCT_VERSION_PATCH};

}  // namespace hsct

#endif  // HSCT_VERSION_HPP
