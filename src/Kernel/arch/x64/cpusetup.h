/* cpusetup.h — control-register set-up shared by the boot CPU (boot.S) and the others
 * (trampoline.S), so both run with the same CPU state. */

#define CR0_MP          (1 << 1)
#define CR0_EM          (1 << 2)
#define CR0_WP          (1 << 16)
#define CR4_OSFXSR      (1 << 9)
#define CR4_OSXMMEXCPT  (1 << 10)
#define CR4_FSGSBASE    (1 << 16)
#define CPUID7_EBX_FSGSBASE (1 << 0)

/* ENABLE_SSE_AND_WP: CR0.EM off, CR0.MP on (SSE: ilc emits it everywhere), CR0.WP on (read-only
 * pages bind ring 0 too); CR4.OSFXSR | OSXMMEXCPT; CR4.FSGSBASE where the CPU has it (each
 * .NET-world thread has its own FS base, switched with wrfsbase, which also works at CPL 3).
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
.endm
