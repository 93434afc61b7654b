/* personality.S — the .NET world's libc personality in assembly: what C# cannot express.
 *
 *  - entering the program (a stack switch and a jump to _start);
 *  - capturing and resuming a full ucontext_t (signal delivery from the personality's own code);
 *  - calling a signal handler on another stack;
 *  - memcpy/memmove/memset with rep movsb/stosb (the fastest general copy on current x86);
 *  - the variadic functions (printf, scanf families): each spills the argument registers into
 *    a System V register save area, builds a va_list over it and tail-calls the C# v-function;
 *  - the table (personality_asm_exports) through which the loader binds imports to all of these.
 *
 * ucontext_t offsets are glibc's x86-64 layout (SignalContext.cs has the same numbers). */

#define UC_FLAGS    0
#define UC_GREGS    40
#define G_R8        (UC_GREGS + 0*8)
#define G_R9        (UC_GREGS + 1*8)
#define G_R10       (UC_GREGS + 2*8)
#define G_R11       (UC_GREGS + 3*8)
#define G_R12       (UC_GREGS + 4*8)
#define G_R13       (UC_GREGS + 5*8)
#define G_R14       (UC_GREGS + 6*8)
#define G_R15       (UC_GREGS + 7*8)
#define G_RDI       (UC_GREGS + 8*8)
#define G_RSI       (UC_GREGS + 9*8)
#define G_RBP       (UC_GREGS + 10*8)
#define G_RBX       (UC_GREGS + 11*8)
#define G_RDX       (UC_GREGS + 12*8)
#define G_RAX       (UC_GREGS + 13*8)
#define G_RCX       (UC_GREGS + 14*8)
#define G_RSP       (UC_GREGS + 15*8)
#define G_RIP       (UC_GREGS + 16*8)
#define G_EFL       (UC_GREGS + 17*8)
#define UC_FPREGS   224
#define UC_FPMEM    424

    .text
    .code64

/* void personality_enter_program(ulong entry, ulong stack): starts the program's _start with
 * rsp = stack (argc, argv, envp, auxv laid out there), rdx = 0 (no rtld_fini), a zero frame
 * pointer and zeroed registers, as the kernel's exec does. Never returns. */
    .globl personality_enter_program
personality_enter_program:
    mov %rsi, %rsp
    mov %rdi, %rax
    xor %ebp, %ebp
    xor %ebx, %ebx
    xor %ecx, %ecx
    xor %edx, %edx
    xor %esi, %esi
    xor %edi, %edi
    xor %r8d, %r8d
    xor %r9d, %r9d
    xor %r10d, %r10d
    xor %r11d, %r11d
    xor %r12d, %r12d
    xor %r13d, %r13d
    xor %r14d, %r14d
    xor %r15d, %r15d
    jmp *%rax

/* void personality_call_on_stack(fn, a0, a1, a2, ulong stackTop): calls fn(a0, a1, a2) with
 * rsp = stackTop (16-byte aligned) and returns on the caller's stack. */
    .globl personality_call_on_stack
personality_call_on_stack:
    push %rbp
    mov %rsp, %rbp
    mov %rdi, %rax
    mov %rsi, %rdi
    mov %rdx, %rsi
    mov %rcx, %rdx
    mov %r8, %rsp
    call *%rax
    mov %rbp, %rsp
    pop %rbp
    ret

/* void personality_capture_context(ucontext_t* uc): the caller's context as of the return from
 * this call: every general register, rsp after the return, rip = the return address, rflags,
 * and the FPU/SSE state (FXSAVE at uc + UC_FPMEM, which the caller keeps 16-byte aligned, with
 * uc_mcontext.fpregs pointing at it). Clobbers rax. */
    .globl personality_capture_context
personality_capture_context:
    mov %rax, G_RAX(%rdi)
    mov %rbx, G_RBX(%rdi)
    mov %rcx, G_RCX(%rdi)
    mov %rdx, G_RDX(%rdi)
    mov %rsi, G_RSI(%rdi)
    mov %rdi, G_RDI(%rdi)
    mov %rbp, G_RBP(%rdi)
    mov %r8, G_R8(%rdi)
    mov %r9, G_R9(%rdi)
    mov %r10, G_R10(%rdi)
    mov %r11, G_R11(%rdi)
    mov %r12, G_R12(%rdi)
    mov %r13, G_R13(%rdi)
    mov %r14, G_R14(%rdi)
    mov %r15, G_R15(%rdi)
    lea 8(%rsp), %rax
    mov %rax, G_RSP(%rdi)
    mov (%rsp), %rax
    mov %rax, G_RIP(%rdi)
    pushfq
    pop %rax
    mov %rax, G_EFL(%rdi)
    lea UC_FPMEM(%rdi), %rax
    fxsave (%rax)
    mov %rax, UC_FPREGS(%rdi)
    ret

/* void personality_resume_context(ucontext_t* uc): continues in context uc (as sigreturn
 * would): FPU state from uc_mcontext.fpregs (if any, 16-byte aligned), every general
 * register, and rsp/rip/rflags through an iretq to the current privilege level, so that
 * nothing is written below the target's stack pointer (its red zone stays intact). */
    .globl personality_resume_context
personality_resume_context:
    xor %eax, %eax
    mov %ss, %ax
    push %rax
    push G_RSP(%rdi)
    push G_EFL(%rdi)
    mov %cs, %ax
    push %rax
    push G_RIP(%rdi)
    mov UC_FPREGS(%rdi), %rax
    test %rax, %rax
    jz 1f
    fxrstor (%rax)
1:  mov G_RAX(%rdi), %rax
    mov G_RBX(%rdi), %rbx
    mov G_RCX(%rdi), %rcx
    mov G_RDX(%rdi), %rdx
    mov G_RSI(%rdi), %rsi
    mov G_RBP(%rdi), %rbp
    mov G_R8(%rdi), %r8
    mov G_R9(%rdi), %r9
    mov G_R10(%rdi), %r10
    mov G_R11(%rdi), %r11
    mov G_R12(%rdi), %r12
    mov G_R13(%rdi), %r13
    mov G_R14(%rdi), %r14
    mov G_R15(%rdi), %r15
    mov G_RDI(%rdi), %rdi
    iretq

/* void* memcpy(void* dest, const void* src, size_t n) */
libc_memcpy:
    mov %rdi, %rax
    mov %rdx, %rcx
    rep movsb
    ret

/* void* memmove(void* dest, const void* src, size_t n): forward unless dest overlaps src's tail. */
libc_memmove:
    mov %rdi, %rax
    mov %rdx, %rcx
    mov %rdi, %r8
    sub %rsi, %r8
    cmp %rdx, %r8               /* (dest - src) unsigned < n: dest inside [src, src + n) */
    jb 1f
    rep movsb
    ret
1:  lea -1(%rsi,%rdx), %rsi
    lea -1(%rdi,%rdx), %rdi
    std
    rep movsb
    cld
    ret

/* void* memset(void* s, int c, size_t n) */
libc_memset:
    mov %rdi, %r9
    movzbl %sil, %eax
    mov %rdx, %rcx
    rep stosb
    mov %r9, %rax
    ret

/* The _chk variants (fortified callers): fail when the copy would overrun the destination. */
libc_memcpy_chk:
    cmp %rcx, %rdx
    ja libc_chk_fail
    jmp libc_memcpy
libc_memmove_chk:
    cmp %rcx, %rdx
    ja libc_chk_fail
    jmp libc_memmove
libc_memset_chk:
    cmp %rcx, %rdx
    ja libc_chk_fail
    jmp libc_memset
libc_chk_fail:
    and $-16, %rsp
    call personality_buffer_overflow
    ud2

/* VARARGS name, target, fixed, vaRegister: name(fixed arguments, ...) becomes
 * target(fixed arguments, va_list*): the six argument registers and (when al says vector
 * arguments were passed) xmm0-7 go into a register save area on this frame, the va_list
 * {gp_offset = 8·fixed, fp_offset = 48, overflow_arg_area = the caller's stack arguments,
 * reg_save_area} follows it, and its address goes in the register after the fixed arguments. */
.macro VARARGS name, target, fixed, vaRegister
\name:
    push %rbp
    mov %rsp, %rbp
    sub $208, %rsp
    mov %rdi, 0(%rsp)
    mov %rsi, 8(%rsp)
    mov %rdx, 16(%rsp)
    mov %rcx, 24(%rsp)
    mov %r8, 32(%rsp)
    mov %r9, 40(%rsp)
    test %al, %al
    je 1f
    movaps %xmm0, 48(%rsp)
    movaps %xmm1, 64(%rsp)
    movaps %xmm2, 80(%rsp)
    movaps %xmm3, 96(%rsp)
    movaps %xmm4, 112(%rsp)
    movaps %xmm5, 128(%rsp)
    movaps %xmm6, 144(%rsp)
    movaps %xmm7, 160(%rsp)
1:  movl $(8 * \fixed), 176(%rsp)
    movl $48, 180(%rsp)
    lea 16(%rbp), %rax
    mov %rax, 184(%rsp)
    mov %rsp, 192(%rsp)
    lea 176(%rsp), \vaRegister
    call \target
    leave
    ret
.endm

    VARARGS libc_printf, libc_vprintf, 1, %rsi
    VARARGS libc_fprintf, libc_vfprintf, 2, %rdx
    VARARGS libc_dprintf, libc_vdprintf, 2, %rdx
    VARARGS libc_sprintf, libc_vsprintf, 2, %rdx
    VARARGS libc_snprintf, libc_vsnprintf, 3, %rcx
    VARARGS libc_asprintf, libc_vasprintf, 2, %rdx
    VARARGS libc_scanf, libc_vscanf, 1, %rsi
    VARARGS libc_sscanf, libc_vsscanf, 2, %rdx
    VARARGS libc_fscanf, libc_vfscanf, 2, %rdx

    .section .rodata
/* { const char* name; void* address; } pairs, ended by { 0, 0 } (PersonalitySymbols.cs). */
    .align 8
asm_exports:
    .quad n_memcpy, libc_memcpy
    .quad n_memmove, libc_memmove
    .quad n_memset, libc_memset
    .quad n_memcpy_chk, libc_memcpy_chk
    .quad n_memmove_chk, libc_memmove_chk
    .quad n_memset_chk, libc_memset_chk
    .quad n_printf, libc_printf
    .quad n_fprintf, libc_fprintf
    .quad n_dprintf, libc_dprintf
    .quad n_sprintf, libc_sprintf
    .quad n_snprintf, libc_snprintf
    .quad n_asprintf, libc_asprintf
    .quad n_scanf, libc_scanf
    .quad n_isoc99_scanf, libc_scanf
    .quad n_sscanf, libc_sscanf
    .quad n_isoc99_sscanf, libc_sscanf
    .quad n_fscanf, libc_fscanf
    .quad n_isoc99_fscanf, libc_fscanf
    .quad 0, 0
n_memcpy:           .asciz "memcpy"
n_memmove:          .asciz "memmove"
n_memset:           .asciz "memset"
n_memcpy_chk:       .asciz "__memcpy_chk"
n_memmove_chk:      .asciz "__memmove_chk"
n_memset_chk:       .asciz "__memset_chk"
n_printf:           .asciz "printf"
n_fprintf:          .asciz "fprintf"
n_dprintf:          .asciz "dprintf"
n_sprintf:          .asciz "sprintf"
n_snprintf:         .asciz "snprintf"
n_asprintf:         .asciz "asprintf"
n_scanf:            .asciz "scanf"
n_isoc99_scanf:     .asciz "__isoc99_scanf"
n_sscanf:           .asciz "sscanf"
n_isoc99_sscanf:    .asciz "__isoc99_sscanf"
n_fscanf:           .asciz "fscanf"
n_isoc99_fscanf:    .asciz "__isoc99_fscanf"

    .text
/* ulong* personality_asm_exports(void) */
    .globl personality_asm_exports
personality_asm_exports:
    lea asm_exports(%rip), %rax
    ret

/* void personality_publish_foreign_exports(ulong* table): stores the shared library's export
 * table (ForeignExports.cs) where the HVM's host looks for it. */
    .globl personality_publish_foreign_exports
personality_publish_foreign_exports:
    mov %rdi, nacre_foreign_exports(%rip)
    ret

    .data
    .align 8
/* The host reads this word (found by its symbol) to find a loaded shared library's exports; 0
 * until one is published. */
    .globl nacre_foreign_exports
nacre_foreign_exports:
    .quad 0
