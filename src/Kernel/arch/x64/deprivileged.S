/* deprivileged.S — running the kernel's C# at CPL 3 (see docs/architecture.md, "Deprivileged mode").
 *
 * On kvm-pvm, guest ring-0 code is emulated and cannot execute SSE, so there the whole kernel runs
 * at CPL 3 on a user-accessible identity map and CPL 0 keeps only the SSE-free code in this file:
 *
 *  - a privileged-operation gate: cpu.S's routines execute int3 (vector 3 is a DPL-3 gate in this
 *    mode; kvm-pvm turns every other `int n` at CPL 3 into #UD) with an operation number in eax
 *    and their arguments in rdi/rsi; it returns the result in rax and clobbers only what a call
 *    may clobber;
 *  - interrupt reflection (isr_common jumps here for frames from CPL 3 or when interrupted CPL 0
 *    code is the gate itself): interrupts are masked by a *virtual* interrupt flag in the per-CPU
 *    area (cli/sti become stores), a masked interrupt is recorded in the per-CPU pending bitmap and
 *    delivered when the flag is set again; an unmasked one is reflected to CPL 3, where
 *    depriv_user_trap saves the registers and calls nacre_trap exactly as isr_common would;
 *  - the return gate: the same int3, executed at depriv_return_point (the breakpoint entry tells
 *    the two apart by the return address, since here every register belongs to the context being
 *    restored); restores the interrupted context atomically together with its virtual interrupt
 *    flag; if interrupts became pending meanwhile it delivers them first.
 *
 * Per-CPU fields (gs-relative, mirrored by Nacre.Cpus.PerCpu): the virtual IF (1 = enabled), the
 * 256-bit pending-vector bitmap, and the top of the CPU's exception stack (exceptions are reflected
 * there, not onto the faulting stack, which may be the overflowed one).
 */

#include "abi.h"
#include "x86.h"
#include "virtualif.h"
#include "trapframe.h"


    .data
    /* 1 once the kernel's C# runs at CPL 3 (every CPU): cpu.S, context.S and setjmp.S test it. */
    .globl nacre_deprivileged
nacre_deprivileged:
    .byte 0

    .text
    .code64

/* ---- CPL 0: vector 3 in deprivileged mode. An int3 at depriv_return_point is the return gate;
 * any other is the privileged-operation gate. Interrupts are off inside (interrupt gate). */
    .globl depriv_breakpoint
depriv_breakpoint:
    push %rax
    lea depriv_return_point(%rip), %rax
    cmp %rax, 8(%rsp)
    pop %rax
    je depriv_return_gate

depriv_gate:
    cmp $OP_COUNT, %eax
    jae gate_bad_op
    lea gate_ops(%rip), %rcx
    jmp *(%rcx,%rax,8)

gate_outb:
    mov %edi, %edx
    mov %esi, %eax
    outb %al, %dx
    iretq
gate_inb:
    mov %edi, %edx
    xor %eax, %eax
    inb %dx, %al
    iretq
gate_outw:
    mov %edi, %edx
    mov %esi, %eax
    outw %ax, %dx
    iretq
gate_outl:
    mov %edi, %edx
    mov %esi, %eax
    outl %eax, %dx
    iretq
gate_read_cr0:
    mov %cr0, %rax
    iretq
gate_read_cr2:
    mov %cr2, %rax
    iretq
gate_read_cr3:
    mov %cr3, %rax
    iretq
gate_read_cr4:
    mov %cr4, %rax
    iretq
gate_write_cr3:
    mov %rdi, %cr3
    iretq
gate_invlpg:
    invlpg (%rdi)
    iretq
gate_rdmsr:
    mov %edi, %ecx
    rdmsr
    shl $32, %rdx
    or %rdx, %rax
    iretq
gate_wrmsr:
    mov %edi, %ecx
    mov %esi, %eax
    mov %rsi, %rdx
    shr $32, %rdx
    wrmsr
    iretq
gate_lidt:
    lidt (%rdi)
    iretq
/* Enable interrupts and wait for one. The virtual IF becomes 1 here; an interrupt taken during
 * hlt is only recorded as pending (isr_common, CPL 0 case), and the caller (cpu.S) delivers it
 * at CPL 3 after the gate returns. Something already pending means there is nothing to wait for. */
gate_halt:
    movq $1, %gs:PCPU_VIF
    mov %gs:PCPU_PENDING, %rax
    or %gs:PCPU_PENDING+8, %rax
    or %gs:PCPU_PENDING+16, %rax
    or %gs:PCPU_PENDING+24, %rax
    jnz 1f
    sti
    hlt
    cli
1:  iretq
gate_stop:
    cli
2:  hlt
    jmp 2b
gate_bad_op:
    lea msg_bad_op(%rip), %rsi
    jmp depriv_fatal

    .section .rodata
    .align 8
gate_ops:
    .quad gate_outb, gate_inb, gate_outw, gate_outl
    .quad gate_read_cr0, gate_read_cr2, gate_read_cr3, gate_read_cr4
    .quad gate_write_cr3, gate_invlpg, gate_rdmsr, gate_wrmsr, gate_lidt, gate_halt, gate_stop
msg_bad_op:     .asciz "nacre: bad privileged-gate operation\n"
msg_ring0_fault: .asciz "nacre: CPU exception in the ring-0 gate code\n"
    .text

/* ---- CPL 0: reflection. isr_common jumps to depriv_from_user when the frame's CS is CPL 3 and
 * to depriv_from_kernel when deprivileged mode interrupted CPL 0 (the halt gate). The stack then
 * holds vector, error, rip, cs, rflags, rsp, ss. */
    .globl depriv_from_kernel
depriv_from_kernel:
    cmpq $32, (%rsp)
    jb 9f
    push %rax
    mov 8(%rsp), %rax
    bts %rax, %gs:PCPU_PENDING
    pop %rax
    add $16, %rsp
    iretq
9:  lea msg_ring0_fault(%rip), %rsi
    jmp depriv_fatal

    .globl depriv_from_user
depriv_from_user:
    push %rax
    push %rcx
    /* 0 rcx, 8 rax, 16 vector, 24 error, 32 rip, 40 cs, 48 rflags, 56 rsp, 64 ss */
    mov 16(%rsp), %rax
    cmp $32, %rax
    jb 1f                                   /* exceptions: always, onto the exception stack */
    cmpq $0, %gs:PCPU_VIF
    je 3f
    mov 56(%rsp), %rax                      /* interrupts: below the interrupted stack's red zone */
    sub $RED_ZONE, %rax
    jmp 2f
1:  mov %gs:PCPU_EXC_STACK, %rax
2:  and $-16, %rax
    sub $FRAME_TAIL_BYTES, %rax
    COPY_FRAME_TAIL
    FLAGS_WITH_VIF 32(%rax)                 /* rflags, with IF standing for the virtual IF */
    movq $0, %gs:PCPU_VIF                   /* handlers run with interrupts (virtually) off */
    lea depriv_user_trap(%rip), %rcx
    mov %rcx, 32(%rsp)
    movq $(RFLAGS_IF | RFLAGS_RESERVED), 48(%rsp)
    mov %rax, 56(%rsp)
    pop %rcx
    pop %rax
    add $16, %rsp
    iretq
3:  mov 16(%rsp), %rax                      /* masked: record it; the EOI waits for delivery */
    bts %rax, %gs:PCPU_PENDING
    pop %rcx
    pop %rax
    add $16, %rsp
    iretq

/* ---- CPL 0: the return gate. The caller's rsp points at a frame tail (vector, error,
 * rip, cs, rflags, rsp, ss) whose rflags.IF is the virtual IF to restore. */
    .globl depriv_return_gate
depriv_return_gate:
    push %rax
    push %rcx
    /* 0 rcx, 8 rax, 16 rip, 24 cs, 32 rflags, 40 rsp (→ frame tail), 48 ss */
    mov 40(%rsp), %rax
    testq $RFLAGS_IF, 32(%rax)
    jz 1f
    mov %gs:PCPU_PENDING, %rcx
    or %gs:PCPU_PENDING+8, %rcx
    or %gs:PCPU_PENDING+16, %rcx
    or %gs:PCPU_PENDING+24, %rcx
    jnz 2f
    movq $1, %gs:PCPU_VIF
    jmp 3f
1:  movq $0, %gs:PCPU_VIF
3:  mov 16(%rax), %rcx
    mov %rcx, 16(%rsp)
    mov 24(%rax), %rcx
    mov %rcx, 24(%rsp)
    mov 32(%rax), %rcx
    or $RFLAGS_IF, %rcx                     /* CPL 3 always runs with the real IF on */
    mov %rcx, 32(%rsp)
    mov 40(%rax), %rcx
    mov %rcx, 40(%rsp)
    mov 48(%rax), %rcx
    mov %rcx, 48(%rsp)
    pop %rcx
    pop %rax
    iretq
2:  lea depriv_drain(%rip), %rcx            /* pending: deliver first, on the same frame */
    mov %rcx, 16(%rsp)
    movq $(RFLAGS_IF | RFLAGS_RESERVED), 32(%rsp)
    pop %rcx
    pop %rax
    iretq

/* ---- CPL 0: an unrecoverable fault in this file's own code. Reports on COM1 (and the HVM's
 * console port, which is the same port) and exits through QEMU's debug-exit port with the panic
 * status; both are I/O exits under any VMM. rsi = message. */
depriv_fatal:
    cli
    mov $PORT_COM1, %dx
1:  lodsb
    test %al, %al
    jz 2f
    outb %al, %dx
    jmp 1b
2:  mov $PORT_DEBUG_EXIT, %dx
    mov $KERNEL_EXIT_CODE_PANIC, %eax
    outl %eax, %dx
3:  hlt
    jmp 3b

/* ---- CPL 3 from here on. */

/* depriv_user_trap: a reflected interrupt or exception. rsp → frame tail; virtual IF is 0.
 * Builds the same TrapFrame as isr_common, calls nacre_trap, then delivers whatever became
 * pending meanwhile and returns through the return gate. */
depriv_user_trap:
    PUSH_GPRS
    cld
    mov %rsp, %rbx                          /* TrapFrame* (callee-saved across the calls) */
    SAVE_FPU
    mov %rbx, %rdi
    call nacre_trap
    jmp drain_loop

/* depriv_drain: the return gate found interrupts pending; rsp → the same frame tail. */
depriv_drain:
    PUSH_GPRS
    cld
    mov %rsp, %rbx
    SAVE_FPU
drain_loop:
    xor %ecx, %ecx
1:  mov %gs:PCPU_PENDING(,%rcx,8), %rax
    test %rax, %rax
    jnz 2f
    inc %ecx
    cmp $4, %ecx
    jb 1b
    RESTORE_FPU
    mov %rbx, %rsp
    POP_GPRS
    int3                                    /* the return gate */
depriv_return_point:
2:  bsf %rax, %rax
    btr %rax, %gs:PCPU_PENDING(,%rcx,8)
    shl $6, %ecx
    add %rcx, %rax
    mov %rax, TRAP_FRAME_VECTOR(%rbx)
    mov %rbx, %rdi
    call nacre_trap
    jmp drain_loop

/* void depriv_deliver_pending(void): called at CPL 3 right after the virtual IF became 1.
 * Delivers pending interrupts, if any, as if they had arrived at the caller's return address;
 * preserves every register, like an interrupt would. */
    .globl depriv_deliver_pending
depriv_deliver_pending:
    cmpq $0, %gs:PCPU_PENDING
    jne 1f
    cmpq $0, %gs:PCPU_PENDING+8
    jne 1f
    cmpq $0, %gs:PCPU_PENDING+16
    jne 1f
    cmpq $0, %gs:PCPU_PENDING+24
    jne 1f
    ret
1:  sub $FRAME_TAIL_BYTES, %rsp             /* a frame tail resuming at 2f with the rsp it had */
    mov %rax, (%rsp)
    pushfq
    pop %rax
    or $RFLAGS_IF, %rax
    mov %rax, 32(%rsp)
    lea FRAME_TAIL_BYTES(%rsp), %rax
    mov %rax, 40(%rsp)
    lea 2f(%rip), %rax
    mov %rax, 16(%rsp)
    movq $USER_CS, 24(%rsp)
    movq $USER_SS, 48(%rsp)
    movq $0, 8(%rsp)
    mov (%rsp), %rax
    movq $0, (%rsp)
    movq $0, %gs:PCPU_VIF
    jmp depriv_drain
2:  ret

/* void arch_enter_deprivileged(void): called at CPL 0 (from C# before any interrupt is enabled,
 * or from assembly); returns to its caller at CPL 3 on the same stack, with the virtual IF 0.
 * The caller has set this CPU's GS base (to its per-CPU area or an early one) and its TSS RSP0,
 * and the IDT's vector 3 is the DPL-3 gate. Sets nacre_deprivileged. */
    .globl arch_enter_deprivileged
arch_enter_deprivileged:
    movb $1, nacre_deprivileged(%rip)
    movq $0, %gs:PCPU_VIF
    /* User selectors in every data segment register: iretq to CPL 3 would null the DPL-0 ones
     * (and with GS possibly its base). Loading GS resets its base, so keep the base across. */
    mov $MSR_GS_BASE, %ecx
    rdmsr
    mov $USER_SS, %esi
    mov %si, %ds
    mov %si, %es
    mov %si, %fs
    mov %si, %gs
    wrmsr
    pop %rcx                                /* return address */
    mov %rsp, %rax
    pushq $USER_SS
    push %rax
    pushq $(RFLAGS_IF | RFLAGS_RESERVED)
    pushq $USER_CS
    push %rcx
    iretq

/* ulong arch_depriv_breakpoint_address(void): the vector-3 entry, for the IDT. */
    .globl arch_depriv_breakpoint_address
arch_depriv_breakpoint_address:
    lea depriv_breakpoint(%rip), %rax
    ret

/* void depriv_set_early_gs(ulong index): CPL 0. Points GS at CPU `index`'s early per-CPU block
 * (its virtual IF 0, nothing pending, exceptions reflected onto the shared early exception
 * stack), for the stretch between entering CPL 3 and Cpus.Register giving the CPU its real
 * per-CPU area. Clobbers rax, rcx, rdx, rdi. */
    .globl depriv_set_early_gs
depriv_set_early_gs:
    shl $8, %rdi
    lea depriv_early_percpu(%rip), %rax
    add %rdi, %rax
    lea depriv_early_exception_stack_top(%rip), %rcx
    mov %rcx, PCPU_EXC_STACK(%rax)
    mov %rax, %rdx
    shr $32, %rdx
    mov $MSR_GS_BASE, %ecx
    wrmsr
    ret

/* void depriv_load_early_idt(void): CPL 0. Loads an IDT holding only the gate (vector 3), so that a
 * CPU entering CPL 3 before the kernel's IDT is loaded (the HVM's vCPUs, QEMU's APs) can already
 * use the privileged gate — which is how that IDT then gets loaded. Clobbers rax, rcx, rdx, rdi. */
    .globl depriv_load_early_idt
depriv_load_early_idt:
    lea depriv_early_idt(%rip), %rdi
    lea depriv_breakpoint(%rip), %rax
    lea 3*16(%rdi), %rcx
    call 1f
    lea depriv_early_idtr(%rip), %rax
    movw $(256 * 16 - 1), (%rax)
    mov %rdi, 2(%rax)
    lidt (%rax)
    ret
    /* rcx = gate slot, rax = handler: a present 64-bit interrupt gate, DPL 3, kernel code. */
1:  mov %rax, %rdx
    and $0xFFFF, %edx
    or $(SEL_KERNEL_CODE << 16), %edx
    mov %edx, (%rcx)
    mov %rax, %rdx
    and $0xFFFF0000, %edx
    or $(IDT_GATE_PRESENT | IDT_GATE_DPL3 | IDT_GATE_INTERRUPT), %edx /* IST 0 */
    mov %edx, 4(%rcx)
    mov %rax, %rdx
    shr $32, %rdx
    mov %edx, 8(%rcx)
    movl $0, 12(%rcx)
    ret

    .bss
    .align 16
depriv_early_idt:
    .skip 256 * 16
depriv_early_idtr:
    .skip 16
    .align 64
depriv_early_percpu:
    .skip 256 * 256                     /* 256 bytes for each of Cpus.Max CPUs */
    .align 16
    .skip 16384
depriv_early_exception_stack_top:
