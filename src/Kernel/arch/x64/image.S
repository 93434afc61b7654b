/* image.S — where the linker (kernel.ld) and boot.S put things, for C#: each routine returns the
 * address of a section bound, a table or a boot-time value. No side effects, any privilege. */

    .text
    .code64

/* void** arch_modules_start(void) / arch_modules_end(void): the bounds of ilc's __modules
 * section (an array of ReadyToRun header pointers) for module initialisation. */
    .globl arch_modules_start
arch_modules_start:
    lea __start___modules(%rip), %rax
    ret
    .globl arch_modules_end
arch_modules_end:
    lea __stop___modules(%rip), %rax
    ret

/* byte* arch_image_start(void): first byte of the loaded image (the multiboot header, then code). */
    .globl arch_image_start
arch_image_start:
    lea __image_start(%rip), %rax
    ret

/* byte* arch_text_end(void): first byte after the image's code (.boot and .text); everything
 * from here to the image end is data, which the kernel's page tables map no-execute. */
    .globl arch_text_end
arch_text_end:
    lea __text_end(%rip), %rax
    ret

/* byte* arch_image_end(void): first byte after the loaded image and its .bss. */
    .globl arch_image_end
arch_image_end:
    lea __image_end(%rip), %rax
    ret

/* ulong* arch_isr_stub_table(void): the 256 interrupt entry addresses (interrupts.S). */
    .globl arch_isr_stub_table
arch_isr_stub_table:
    lea isr_stub_table(%rip), %rax
    ret

/* byte* arch_symbols_start(void) / arch_symbols_end(void): the .nacre_symbols section. */
    .globl arch_symbols_start
arch_symbols_start:
    lea __nacre_symbols(%rip), %rax
    ret
    .globl arch_symbols_end
arch_symbols_end:
    lea __nacre_symbols_end(%rip), %rax
    ret

/* byte* arch_boot_stack_top(void): top of the boot CPU's stack (boot.S). */
    .globl arch_boot_stack_top
arch_boot_stack_top:
    lea boot_stack_top(%rip), %rax
    ret

/* byte* arch_boot_stack_bottom(void): lowest byte of the boot CPU's stack; the page below it is
 * its (unmapped) guard page. */
    .globl arch_boot_stack_bottom
arch_boot_stack_bottom:
    lea boot_stack_bottom(%rip), %rax
    ret

/* ulong arch_bios_ebda(void): physical address of the BIOS's extended data area, read by boot.S
 * from the BIOS data area before page 0 was unmapped (0 if unknown). */
    .globl arch_bios_ebda
arch_bios_ebda:
    mov bios_ebda(%rip), %eax
    ret

/* ulong arch_boot_tsc(void): the TSC read by boot.S at the kernel's first instruction. */
    .globl arch_boot_tsc
arch_boot_tsc:
    mov boot_tsc(%rip), %rax
    ret
