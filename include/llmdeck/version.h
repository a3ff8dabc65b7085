/* version.h - llmdeck's version, for --version and the footers of exports. */
#ifndef LLMDECK_VERSION_H
#define LLMDECK_VERSION_H

#define LLMDECK_VERSION "0.2.0"

#endif
