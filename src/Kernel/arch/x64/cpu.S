/* cpu.S — the privileged and special instructions C# cannot express. Only arch/x64 C# code
 * calls these (through [RuntimeImport]); the rest of the kernel goes through Nacre.Arch.X64.Cpu.
 * All follow the System V AMD64 calling convention and clobber only caller-saved registers.
 *
 * In deprivileged mode (nacre_deprivileged = 1, deprivileged.S) the kernel runs at CPL 3: the
 * privileged routines enter the gate (int3) instead, and the interrupt-flag routines work on the
 * per-CPU virtual IF (gs:PCPU_VIF) — a store, not a trap — delivering pending interrupts when it
 * is set again. RFLAGS values they return carry the virtual IF in bit 9. */

#include "virtualif.h"

    .text
    .code64

/* GATE op: in deprivileged mode, performs the routine through the gate and returns. */
.macro GATE op
    cmpb $0, nacre_deprivileged(%rip)
    je 9f
    mov $\op, %eax
    int3
    ret
9:
.endm

/* void arch_outb(ushort port, byte value) */
    .globl arch_outb
arch_outb:
    GATE OP_OUTB
    mov %edi, %edx
    mov %esi, %eax
    outb %al, %dx
    ret

/* byte arch_inb(ushort port) */
    .globl arch_inb
arch_inb:
    GATE OP_INB
    mov %edi, %edx
    xor %eax, %eax
    inb %dx, %al
    ret

/* void arch_outw(ushort port, ushort value) */
    .globl arch_outw
arch_outw:
    GATE OP_OUTW
    mov %edi, %edx
    mov %esi, %eax
    outw %ax, %dx
    ret

/* void arch_outl(ushort port, uint value) */
    .globl arch_outl
arch_outl:
    GATE OP_OUTL
    mov %edi, %edx
    mov %esi, %eax
    outl %eax, %dx
    ret

/* ulong arch_read_cr0/cr2/cr3/cr4(void) */
    .globl arch_read_cr0
arch_read_cr0:
    GATE OP_READ_CR0
    mov %cr0, %rax
    ret
    .globl arch_read_cr2
arch_read_cr2:
    GATE OP_READ_CR2
    mov %cr2, %rax
    ret
    .globl arch_read_cr3
arch_read_cr3:
    GATE OP_READ_CR3
    mov %cr3, %rax
    ret
    .globl arch_read_cr4
arch_read_cr4:
    GATE OP_READ_CR4
    mov %cr4, %rax
    ret

/* void arch_write_cr3(ulong value): switches address space (flushes non-global TLB entries). */
    .globl arch_write_cr3
arch_write_cr3:
    GATE OP_WRITE_CR3
    mov %rdi, %cr3
    ret

/* void arch_invlpg(ulong address): drops this CPU's TLB entry for one page. */
    .globl arch_invlpg
arch_invlpg:
    GATE OP_INVLPG
    invlpg (%rdi)
    ret

/* ulong arch_rdmsr(uint msr) / void arch_wrmsr(uint msr, ulong value) */
    .globl arch_rdmsr
arch_rdmsr:
    GATE OP_RDMSR
    mov %edi, %ecx
    rdmsr
    shl $32, %rdx
    or %rdx, %rax
    ret
    .globl arch_wrmsr
arch_wrmsr:
    GATE OP_WRMSR
    mov %edi, %ecx
    mov %esi, %eax
    mov %rsi, %rdx
    shr $32, %rdx
    wrmsr
    ret

/* void arch_lidt(void* pointer): loads the IDT register from a 10-byte limit/base pair. */
    .globl arch_lidt
arch_lidt:
    GATE OP_LIDT
    lidt (%rdi)
    ret

/* void arch_enable_interrupts(void) / void arch_disable_interrupts(void) */
    .globl arch_enable_interrupts
arch_enable_interrupts:
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    sti
    ret
1:  movq $1, %gs:PCPU_VIF
    jmp depriv_deliver_pending
    .globl arch_disable_interrupts
arch_disable_interrupts:
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    cli
    ret
1:  movq $0, %gs:PCPU_VIF
    ret

/* ulong arch_save_flags_cli(void): returns RFLAGS, then disables interrupts. */
    .globl arch_save_flags_cli
arch_save_flags_cli:
    pushfq
    pop %rax
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    cli
    ret
1:  FLAGS_WITH_VIF %rax
    movq $0, %gs:PCPU_VIF
    ret

/* void arch_restore_flags(ulong flags): re-enables interrupts iff IF was set in flags. */
    .globl arch_restore_flags
arch_restore_flags:
    push %rdi
    popfq
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    ret
1:  RETURN_SETTING_VIF %rdi

/* void arch_enable_interrupts_and_halt(void): sti; hlt. The one-instruction interrupt shadow of
 * sti makes the pair atomic: an interrupt that is already pending, or arrives after a caller
 * checked for work with IF=0, wakes the hlt instead of being taken before it (lost wake-up). */
    .globl arch_enable_interrupts_and_halt
arch_enable_interrupts_and_halt:
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    sti
    hlt
    ret
1:  mov $OP_HALT, %eax                       /* the gate's halt sets the virtual IF, then waits */
    int3
    jmp depriv_deliver_pending

/* ulong arch_read_flags(void): RFLAGS. */
    .globl arch_read_flags
arch_read_flags:
    pushfq
    pop %rax
    cmpb $0, nacre_deprivileged(%rip)
    jne 1f
    ret
1:  FLAGS_WITH_VIF %rax
    ret

/* void arch_stop(void): stops this CPU for good (interrupts off, halt forever). */
    .globl arch_stop
arch_stop:
    GATE OP_STOP
    cli
1:  hlt
    jmp 1b

/* ulong arch_rdtsc(void) */
    .globl arch_rdtsc
arch_rdtsc:
    rdtsc
    shl $32, %rdx
    or %rdx, %rax
    ret

/* void arch_cpuid(uint leaf, uint subleaf, uint* out4): out4[0..3] = eax, ebx, ecx, edx. */
    .globl arch_cpuid
arch_cpuid:
    push %rbx
    mov %rdx, %r8
    mov %edi, %eax
    mov %esi, %ecx
    cpuid
    mov %eax, 0(%r8)
    mov %ebx, 4(%r8)
    mov %ecx, 8(%r8)
    mov %edx, 12(%r8)
    pop %rbx
    ret

/* void arch_pause(void): spin-wait hint. */
    .globl arch_pause
arch_pause:
    pause
    ret

/* ulong arch_read_rbp(void) / arch_read_rsp(void): for stack walks in panics. */
    .globl arch_read_rbp
arch_read_rbp:
    mov %rbp, %rax
    ret

/* ulong arch_read_gs0(void): the first quadword of this CPU's per-CPU area (its own address). */
    .globl arch_read_gs0
arch_read_gs0:
    mov %gs:PCPU_SELF, %rax
    ret

/* void* arch_claim_cpu_local(long offset): the pointer at gs:offset (a per-CPU structure whose
 * first int is its busy word), with that word changed from 0 to 1; 0 if the pointer is null or
 * the word was not 0. The claim is one cmpxchg without a lock prefix: atomic against this CPU's
 * interrupts (and so against a preemption, which only happens as an interrupt ends), which is
 * all a per-CPU structure needs, at the price of an ordinary store. Clobbers rcx, rdx. */
    .globl arch_claim_cpu_local
arch_claim_cpu_local:
    mov %gs:(%rdi), %rcx
    test %rcx, %rcx
    jz 1f
    xor %eax, %eax
    mov $1, %edx
    cmpxchg %edx, (%rcx)
    jne 1f
    mov %rcx, %rax
    ret
1:  xor %eax, %eax
    ret

/* ulong arch_read_cs(void): the code segment selector (its low two bits are the CPL). */
    .globl arch_read_cs
arch_read_cs:
    mov %cs, %eax
    ret

/* void arch_write_fsbase(ulong base) / ulong arch_read_fsbase(void): the FS base, which is the
 * thread pointer of .NET-world threads (the kernel itself never uses FS). With CR4.FSGSBASE on
 * (nacre_fsgsbase = 1) wrfsbase/rdfsbase, which work at CPL 3 too and cost tens of cycles;
 * otherwise the FS_BASE MSR (through the gate in deprivileged mode: slow, never on a hot path
 * on hosts that have FSGSBASE). */
    .globl arch_write_fsbase
arch_write_fsbase:
    cmpb $0, nacre_fsgsbase(%rip)
    je 1f
    wrfsbase %rdi
    ret
1:  mov %rdi, %rsi
    mov $MSR_FS_BASE, %edi
    jmp arch_wrmsr
    .globl arch_read_fsbase
arch_read_fsbase:
    cmpb $0, nacre_fsgsbase(%rip)
    je 1f
    rdfsbase %rax
    ret
1:  mov $MSR_FS_BASE, %edi
    jmp arch_rdmsr

/* void arch_use_fsgsbase(void): from now on the two routines above use wrfsbase/rdfsbase. */
    .globl arch_use_fsgsbase
arch_use_fsgsbase:
    movb $1, nacre_fsgsbase(%rip)
    ret

    .data
    /* 1 once Cpu.InitializeThreadPointer found CR4.FSGSBASE on (every CPU sets it alike). */
nacre_fsgsbase:
    .byte 0

    .text
/* ulong arch_xgetbv0(void): XCR0, the state components XSAVE manages (callers check
 * CPUID.1:ECX.OSXSAVE first: without it xgetbv faults). Works at CPL 3. */
    .globl arch_xgetbv0
arch_xgetbv0:
    xor %ecx, %ecx
    xgetbv
    shl $32, %rdx
    or %rdx, %rax
    ret

/* void arch_set_fpu_save(ulong areaBytes, ulong xsaveMask): how trap entry saves the extended
 * state from now on (trapframe.h, SAVE_FPU): xsaveMask 0 = FXSAVE (512 bytes). Set once, before
 * interrupts are enabled. */
    .globl arch_set_fpu_save
arch_set_fpu_save:
    mov %rdi, nacre_fpu_area(%rip)
    mov %rsi, nacre_xsave_mask(%rip)
    ret

    .data
    .align 8
    .globl nacre_fpu_area, nacre_xsave_mask
nacre_fpu_area:
    .quad 512
nacre_xsave_mask:
    .quad 0
    .text
