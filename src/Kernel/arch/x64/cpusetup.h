/* cpusetup.h — control-register set-up shared by the boot CPU (boot.S) and the others
 * (trampoline.S), so both run with the same CPU state. */

#include "x86.h"

/* ENABLE_SSE_AND_WP: CR0.EM off, CR0.MP on (SSE: ilc emits it everywhere), CR0.WP on (read-only
 * pages bind ring 0 too); CR4.OSFXSR | OSXMMEXCPT; CR4.FSGSBASE where the CPU has it (each
 * .NET-world thread has its own FS base, switched with wrfsbase, which also works at CPL 3);
 * and, where the CPU has XSAVE and AVX, CR4.OSXSAVE with XCR0 = x87|SSE|AVX (the .NET world's
 * code and libm use AVX as on Linux; the trap entry then saves that state with XSAVE).
 * Clobbers rax, rbx, rcx, rdx. */
.macro ENABLE_SSE_AND_WP
    mov %cr0, %rax
    and $~CR0_EM, %rax
    or $(CR0_MP | CR0_WP), %rax
    mov %rax, %cr0
    mov %cr4, %rax
    or $(CR4_OSFXSR | CR4_OSXMMEXCPT), %rax
    mov %rax, %cr4
    xor %eax, %eax
    cpuid
    cmp $7, %eax
    jb .Lno_fsgsbase_\@
    mov $7, %eax
    xor %ecx, %ecx
    cpuid
    test $CPUID7_EBX_FSGSBASE, %ebx
    jz .Lno_fsgsbase_\@
    mov %cr4, %rax
    or $CR4_FSGSBASE, %rax
    mov %rax, %cr4
.Lno_fsgsbase_\@:
    mov $1, %eax
    cpuid
    and $(CPUID1_ECX_XSAVE | CPUID1_ECX_AVX), %ecx
    cmp $(CPUID1_ECX_XSAVE | CPUID1_ECX_AVX), %ecx
    jne .Lno_avx_\@
    mov %cr4, %rax
    or $CR4_OSXSAVE, %rax
    mov %rax, %cr4
    xor %ecx, %ecx
    xor %edx, %edx
    mov $XCR0_X87_SSE_AVX, %eax
    xsetbv
.Lno_avx_\@:
.endm
