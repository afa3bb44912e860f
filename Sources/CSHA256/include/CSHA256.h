#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (and the SSSE3/SSE4.1 they are used with). Always 0 off x86-64.
int csha256_has_sha_extensions(void);

/// FIPS 180-4 §6.2.2 over `count` consecutive 64-byte blocks with the x86 SHA extensions. `state` holds
/// the eight hash words in native order; `round_constants` the 64 words of §4.2.2. Only call it when
/// csha256_has_sha_extensions() returned 1.
void csha256_compress_sha_extensions(uint32_t state[8], const uint8_t *blocks, size_t count,
                                     const uint32_t round_constants[64]);

#endif
