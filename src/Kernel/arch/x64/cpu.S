/* cpu.S — the privileged and special instructions C# cannot express. Only arch/x64 C# code
 * calls these (through [RuntimeImport]); the rest of the kernel goes through Nacre.Arch.X64.Cpu.
 * All follow the System V AMD64 calling convention and clobber only caller-saved registers. */

    .text
    .code64

/* void arch_outb(ushort port, byte value) */
    .globl arch_outb
arch_outb:
    mov %edi, %edx
    mov %esi, %eax
    outb %al, %dx
    ret

/* byte arch_inb(ushort port) */
    .globl arch_inb
arch_inb:
    mov %edi, %edx
    xor %eax, %eax
    inb %dx, %al
    ret

/* void arch_outw(ushort port, ushort value) */
    .globl arch_outw
arch_outw:
    mov %edi, %edx
    mov %esi, %eax
    outw %ax, %dx
    ret

/* void arch_outl(ushort port, uint value) */
    .globl arch_outl
arch_outl:
    mov %edi, %edx
    mov %esi, %eax
    outl %eax, %dx
    ret

/* ulong arch_read_cr0/cr2/cr3/cr4(void) */
    .globl arch_read_cr0
arch_read_cr0:
    mov %cr0, %rax
    ret
    .globl arch_read_cr2
arch_read_cr2:
    mov %cr2, %rax
    ret
    .globl arch_read_cr3
arch_read_cr3:
    mov %cr3, %rax
    ret
    .globl arch_read_cr4
arch_read_cr4:
    mov %cr4, %rax
    ret

/* void arch_write_cr3(ulong value): switches address space (flushes non-global TLB entries). */
    .globl arch_write_cr3
arch_write_cr3:
    mov %rdi, %cr3
    ret

/* void arch_invlpg(ulong address): drops this CPU's TLB entry for one page. */
    .globl arch_invlpg
arch_invlpg:
    invlpg (%rdi)
    ret

/* ulong arch_rdmsr(uint msr) / void arch_wrmsr(uint msr, ulong value) */
    .globl arch_rdmsr
arch_rdmsr:
    mov %edi, %ecx
    rdmsr
    shl $32, %rdx
    or %rdx, %rax
    ret
    .globl arch_wrmsr
arch_wrmsr:
    mov %edi, %ecx
    mov %esi, %eax
    mov %rsi, %rdx
    shr $32, %rdx
    wrmsr
    ret

/* void arch_lidt(void* pointer): loads the IDT register from a 10-byte limit/base pair. */
    .globl arch_lidt
arch_lidt:
    lidt (%rdi)
    ret

/* void arch_enable_interrupts(void) / void arch_disable_interrupts(void) */
    .globl arch_enable_interrupts
arch_enable_interrupts:
    sti
    ret
    .globl arch_disable_interrupts
arch_disable_interrupts:
    cli
    ret

/* ulong arch_save_flags_cli(void): returns RFLAGS, then disables interrupts. */
    .globl arch_save_flags_cli
arch_save_flags_cli:
    pushfq
    pop %rax
    cli
    ret

/* void arch_restore_flags(ulong flags): re-enables interrupts iff IF was set in flags. */
    .globl arch_restore_flags
arch_restore_flags:
    push %rdi
    popfq
    ret

/* void arch_halt(void): waits for the next interrupt. */
    .globl arch_halt
arch_halt:
    hlt
    ret

/* void arch_enable_interrupts_and_halt(void): sti; hlt. The one-instruction interrupt shadow of
 * sti makes the pair atomic: an interrupt that is already pending, or arrives after a caller
 * checked for work with IF=0, wakes the hlt instead of being taken before it (lost wake-up). */
    .globl arch_enable_interrupts_and_halt
arch_enable_interrupts_and_halt:
    sti
    hlt
    ret

/* ulong arch_read_flags(void): RFLAGS. */
    .globl arch_read_flags
arch_read_flags:
    pushfq
    pop %rax
    ret

/* void arch_stop(void): stops this CPU for good (interrupts off, halt forever). */
    .globl arch_stop
arch_stop:
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
    mov %gs:0, %rax
    ret
