#!/usr/bin/env bash
# Installs what building and booting Nacre images needs on a Debian machine: QEMU (the test
# machine), GNU binutils (ld links the kernel, nm feeds its symbol table), gcc (preprocesses and
# assembles the .S files), GRUB's ISO tools (grub-mkrescue, for bootable ISOs) and gdb (the
# host test of `nacre run --gdb` drives it; docs/debugging.md) and Open MPI (mpirun and libmpi.so.40:
# HRTs across ranks, docs/mpi.md). Idempotent and fast when everything is present: it only looks, and runs apt
# only when something is missing. The .NET SDK itself is a prerequisite, not installed here.
set -euo pipefail

commands=(qemu-system-x86_64 as ld nm gcc gdb mpirun)
packages=(qemu-system-x86 binutils gcc grub-pc-bin xorriso mtools gdb openmpi-bin libopenmpi-dev)

missing=0
for command in "${commands[@]}"; do
    command -v "$command" >/dev/null 2>&1 || missing=1
done
# One dpkg-query for all packages; "ii" means installed.
installed=$(dpkg-query -W -f='${db:Status-Abbrev}\n' "${packages[@]}" 2>/dev/null | grep -c '^ii' || true)
[ "$installed" -eq "${#packages[@]}" ] || missing=1

if [ "$missing" -eq 1 ]; then
    echo "[setup] installing ${packages[*]} ..." >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq >&2
    $sudo apt-get install -y -qq "${packages[@]}" >&2
fi

if ! command -v dotnet >/dev/null 2>&1; then
    echo "nacre: error: the .NET SDK (dotnet, 10.0) is required and not on PATH" >&2
    exit 125
fi
