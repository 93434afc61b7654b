/*
 * A tiny HRT for testing Nacre's VMM without the Nacre kernel (docs/hvm.md). SSE-free at CPL 0,
 * so it runs on kvm-pvm, whose ring 0 is emulated. Speaks the protocol through src/Abi/abi.h, as
 * the kernel does. Assembled by tests/Host/Hvm/HvmGuest.cs (gcc, so the header is preprocessed)
 * with --defsym switches that pick a behaviour:
 *
 *   (none)      cpu 0 prints "hello from the HVM test guest" (byte stores) and the command line
 *               (console descriptor), stores main-started; every cpu serves invokes at CPL 0;
 *               cpu 0 stores ready.
 *   RING3=1     as (none) but every cpu drops to CPL 3 (iretq) first and serves from there, like
 *               the kernel's deprivileged mode: SSE and the host-speed poll loop work there.
 *   HALT=1      serve at CPL 0, halting while idle; an MSI with vector 0xF3 wakes the cpu.
 *   PORTS=1     cpu 0 prints through COM1 (out 0x3F8, polling in 0x3FD) and exits through port
 *               0xF4 with EXITVALUE (ring-0 mode's QEMU-style ports).
 *   EXIT=1      cpu 0 exits with EXITVALUE through the hypercall page after the greeting.
 *   PANIC=1     cpu 0 prints "PANIC: test panic" and exits with 127.
 *   TRIPLE=1    cpu 0 loads an empty IDT and executes ud2: a triple fault. (Not int3: kvm-pvm's
 *               ring-0 emulator fails on int3 with an emulation error instead.)
 *   SSE=1       cpu 0 executes an SSE instruction at CPL 0, then exits with 0.
 *   SPIN=1      cpu 0 spins forever at CPL 0 after main-started, never ready.
 *
 * Exports (SysV: rdi, rsi, rdx, rcx -> rax): Add, Sum(long* p, n), Cpu, Mul(double, double),
 * Spin, Fault, Panic, Exit(code), Print(char* p, n), Wild, Fill(long* p, n, v), Entry(cpu, i),
 * Kick(cpu) and Park(block, deadline, now) (paravirtual idle's hypercalls 0x38 and 0x30).
 */
#include "abi.h"

        .ifndef EXITVALUE
        .set EXITVALUE, 0
        .endif

        .text
        .code64
        .global nacre_hvm_entry
nacre_hvm_entry:
        /* Save the entry state for the Entry export: rdi rsi rdx rsp cs ss cr0 cr3 cr4 efer rflags. */
        mov     %rsi, %r13                      /* r13 = cpu index for good */
        mov     %r13, %rax
        shl     $7, %rax                        /* 16 slots of 8 bytes per cpu */
        lea     entry_state(%rip), %rbx
        add     %rax, %rbx
        mov     %rdi, 0(%rbx)
        mov     %rsi, 8(%rbx)
        mov     %rdx, 16(%rbx)
        mov     %rsp, 24(%rbx)
        mov     %cs, %rax
        mov     %rax, 32(%rbx)
        mov     %ss, %rax
        mov     %rax, 40(%rbx)
        mov     %cr0, %rax
        mov     %rax, 48(%rbx)
        mov     %cr3, %rax
        mov     %rax, 56(%rbx)
        mov     %cr4, %rax
        mov     %rax, 64(%rbx)
        mov     %rdx, %r14                      /* keep the ring-0 stack top */
        mov     $0xC0000080, %ecx               /* EFER */
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, 72(%rbx)
        pushfq
        pop     %rax
        mov     %rax, 80(%rbx)
        mov     %rdi, boot_info(%rip)

        mov     $GUEST_PHYSICAL_HYPERCALL_ADDRESS, %r15d /* r15 = hypercall page, for good */
        imul    $GUEST_PHYSICAL_MAILBOX_STRIDE, %r13, %r12
        add     $GUEST_PHYSICAL_MAILBOX_BASE, %r12 /* r12 = this cpu's mailbox */
        test    %r13, %r13
        jnz     serve

        /* cpu 0 */
.ifdef PORTS
        lea     hello_ports(%rip), %rsi
        call    puts_port
        mov     $0xF4, %dx
        mov     $EXITVALUE, %eax
        out     %eax, %dx
1:      jmp     1b
.endif
        lea     hello(%rip), %rsi
        call    puts_bytes
        lea     cmdline_label(%rip), %rsi
        call    puts_descriptor
        mov     boot_info(%rip), %rax
        mov     BOOT_INFO_HEADER_COMMAND_LINE_ADDRESS(%rax), %rsi
        call    puts_descriptor
        lea     newline(%rip), %rsi
        call    puts_descriptor
        movq    $1, HYPERCALLS_MAIN_STARTING(%r15)
.ifdef PANIC
        lea     panic_text(%rip), %rsi
        call    puts_descriptor
        movl    $KERNEL_EXIT_CODE_PANIC, HYPERCALLS_EXIT(%r15)
1:      jmp     1b
.endif
.ifdef EXIT
        movl    $EXITVALUE, HYPERCALLS_EXIT(%r15)
1:      jmp     1b
.endif
.ifdef TRIPLE
        lidt    empty_idt(%rip)
        ud2                                     /* not int3: kvm-pvm cannot emulate int3 in ring 0 */
.endif
.ifdef SSE
        addps   %xmm0, %xmm0
        movl    $0, HYPERCALLS_EXIT(%r15)
1:      jmp     1b
.endif
.ifdef SPIN
1:      jmp     1b
.endif

serve:
.ifdef HALT
        jmp     serve_halting
.endif
.ifdef RING3
        /* iretq to CPL 3 on the same stack with the VMM's user selectors, IF clear. */
        mov     %rsp, %rax
        push    $(GUEST_PHYSICAL_USER_DATA | 3)
        push    %rax
        push    $0x2
        push    $(GUEST_PHYSICAL_USER_CODE | 3)
        lea     serve_polling(%rip), %rax
        push    %rax
        iretq
.endif

/* Poll this cpu's mailbox: a call is pending while Request != Done. */
serve_polling:
        test    %r13, %r13
        jnz     1f
        movq    $0, HYPERCALLS_READY(%r15)
1:      mov     INVOKE_MAILBOX_REQUEST(%r12), %rax
        cmp     INVOKE_MAILBOX_DONE(%r12), %rax
        jne     2f
        pause
        jmp     1b
2:      mov     %rax, %rbx
        call    run_call
        jmp     1b

/* Run the posted call: rbx = its sequence number. */
run_call:
        mov     INVOKE_MAILBOX_ARG0(%r12), %rdi
        mov     INVOKE_MAILBOX_ARG1(%r12), %rsi
        mov     INVOKE_MAILBOX_ARG2(%r12), %rdx
        mov     INVOKE_MAILBOX_ARG3(%r12), %rcx
        call    *INVOKE_MAILBOX_FUNCTION(%r12)
        mov     %rax, INVOKE_MAILBOX_RESULT(%r12)
        mov     %rbx, INVOKE_MAILBOX_DONE(%r12) /* Done = Request, last */
        ret

/* Halt while idle: an IDT with vector 0xF3, the local APIC enabled, sti;hlt (atomic thanks to
 * sti's interrupt shadow) when the mailbox is empty. */
serve_halting:
        call    build_idt                       /* every cpu: the same bytes, ready before its lidt */
        lidt    idt_pointer(%rip)
        mov     $0xFEE000F0, %eax               /* spurious-interrupt vector register */
        movl    $0x1FF, (%rax)                  /* APIC on, spurious vector 0xFF */
        test    %r13, %r13
        jnz     2f
        movq    $0, HYPERCALLS_READY(%r15)
2:      cli
        mov     INVOKE_MAILBOX_REQUEST(%r12), %rax
        cmp     INVOKE_MAILBOX_DONE(%r12), %rax
        jne     3f
        sti
        hlt
        jmp     2b
3:      mov     %rax, %rbx
        call    run_call
        jmp     2b

build_idt:
        lea     wake_handler(%rip), %rax
        lea     idt(%rip), %rdi
        add     $(INVOKE_MAILBOX_WAKE_VECTOR * 16), %rdi
        mov     %ax, 0(%rdi)                    /* offset 15:0 */
        movw    $GUEST_PHYSICAL_KERNEL_CODE, 2(%rdi)
        movw    $0x8E00, 4(%rdi)                /* present, DPL 0, interrupt gate */
        shr     $16, %rax
        mov     %ax, 6(%rdi)                    /* offset 31:16 */
        shr     $16, %rax
        mov     %eax, 8(%rdi)                   /* offset 63:32 */
        movl    $0, 12(%rdi)
        lea     idt(%rip), %rax
        mov     %rax, idt_pointer+2(%rip)
        ret

wake_handler:
        push    %rax
        mov     $0xFEE000B0, %eax               /* EOI */
        movl    $0, (%rax)
        pop     %rax
        iretq

/* Console helpers: rsi = NUL-terminated string. */
puts_bytes:
1:      lodsb
        test    %al, %al
        jz      2f
        mov     %al, HYPERCALLS_CONSOLE_BYTE(%r15)
        jmp     1b
2:      ret

puts_descriptor:                                /* one store of { address, length } */
        mov     %rsi, %rdi
        xor     %rcx, %rcx
1:      cmpb    $0, (%rdi,%rcx)
        je      2f
        inc     %rcx
        jmp     1b
2:      push    %rcx
        push    %rsi
        mov     %rsp, HYPERCALLS_CONSOLE_WRITE(%r15)
        add     $16, %rsp
        ret

puts_port:
        mov     $0x3FD, %dx
        in      %dx, %al
        test    $0x20, %al
        jz      puts_port
        lodsb
        test    %al, %al
        jz      1f
        mov     $0x3F8, %dx
        out     %al, %dx
        jmp     puts_port
1:      ret

/* ---- Exports ---- */
        .global nacre_export_Add, nacre_export_Sum, nacre_export_Cpu, nacre_export_Mul
        .global nacre_export_Spin, nacre_export_Fault, nacre_export_Panic, nacre_export_Exit
        .global nacre_export_Print, nacre_export_Wild, nacre_export_Fill, nacre_export_Entry
        .global nacre_export_Kick, nacre_export_Park
nacre_export_Add:
        lea     (%rdi,%rsi), %rax
        ret

nacre_export_Sum:                               /* sum of rsi longs at rdi */
        xor     %rax, %rax
1:      test    %rsi, %rsi
        jz      2f
        add     (%rdi), %rax
        add     $8, %rdi
        dec     %rsi
        jmp     1b
2:      ret

nacre_export_Fill:                              /* rsi longs at rdi := rdx, rdx+1, ... */
        mov     %rsi, %rax
1:      test    %rsi, %rsi
        jz      2f
        mov     %rdx, (%rdi)
        inc     %rdx
        add     $8, %rdi
        dec     %rsi
        jmp     1b
2:      ret

nacre_export_Cpu:
        mov     %r13, %rax
        ret

nacre_export_Mul:                               /* SSE: only at CPL 3 on kvm-pvm */
        movq    %rdi, %xmm0
        movq    %rsi, %xmm1
        mulsd   %xmm1, %xmm0
        movq    %xmm0, %rax
        ret

nacre_export_Spin:
1:      jmp     1b

nacre_export_Fault:                             /* no IDT: #UD, then #DF, then shutdown */
        ud2

nacre_export_Panic:
        lea     panic_text(%rip), %rsi
        call    puts_descriptor
        movl    $KERNEL_EXIT_CODE_PANIC, HYPERCALLS_EXIT(%r15)
1:      jmp     1b

nacre_export_Exit:
        mov     %edi, HYPERCALLS_EXIT(%r15)
1:      jmp     1b

nacre_export_Print:                             /* write rsi bytes at rdi (e.g. in the arena) */
        push    %rsi
        push    %rdi
        mov     %rsp, HYPERCALLS_CONSOLE_WRITE(%r15)
        add     $16, %rsp
        mov     %rsi, %rax
        ret

nacre_export_Wild:                              /* a store where there is no memory */
        mov     $0xD0000000, %eax
        movq    $1, (%rax)
        ret

nacre_export_Kick:                              /* kick vCPU rdi */
        mov     %edi, HYPERCALLS_KICK(%r15)
        xor     %eax, %eax
        ret

nacre_export_Park:                              /* park with block rdi: Deadline = rsi, Now = rdx */
        mov     %rsi, PARK_BLOCK_DEADLINE(%rdi)
        mov     %rdx, PARK_BLOCK_NOW(%rdi)
        mov     %rdi, HYPERCALLS_PARK(%r15)
        xor     %eax, %eax
        ret

nacre_export_Entry:                             /* entry_state[rdi][rsi] */
        shl     $7, %rdi
        lea     entry_state(%rip), %rax
        add     %rdi, %rax
        mov     (%rax,%rsi,8), %rax
        ret

        .section .rodata
hello:          .asciz "hello from the HVM test guest\n"
hello_ports:    .asciz "hello through COM1\n"
cmdline_label:  .asciz "cmdline: "
newline:        .asciz "\n"
panic_text:     .asciz "PANIC: test panic\n"

        .data
        .balign 8
boot_info:      .quad 0
empty_idt:      .word 0
                .quad 0
        .balign 8
idt_pointer:    .word 256 * 16 - 1
                .quad 0

        .bss
        .balign 4096
idt:            .skip 256 * 16
entry_state:    .skip 64 * 128
