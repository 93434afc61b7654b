/* cpusetup.h — control-register set-up shared by the boot CPU (boot.S) and the others
 * (trampoline.S), so both run with the same CPU state. */

/* ENABLE_SSE_AND_WP: CR0.EM off, CR0.MP on (SSE: ilc emits it everywhere), CR0.WP on (read-only
 * pages bind ring 0 too); CR4.OSFXSR | OSXMMEXCPT. Clobbers rax. */
.macro ENABLE_SSE_AND_WP
    mov %cr0, %rax
    and $~(1 << 2), %rax
    or $((1 << 1) | (1 << 16)), %rax
    mov %rax, %cr0
    mov %cr4, %rax
    or $((1 << 9) | (1 << 10)), %rax
    mov %rax, %cr4
.endm
