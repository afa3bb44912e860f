#ifndef OPSDAILY_CSPAWN_H
#define OPSDAILY_CSPAWN_H

#include <spawn.h>

/// Closes every descriptor from `lowest` up in the child posix_spawn starts (glibc's
/// posix_spawn_file_actions_addclosefrom_np, which Swift's Glibc module does not declare).
int cspawn_add_close_from(posix_spawn_file_actions_t *actions, int lowest);

#endif
