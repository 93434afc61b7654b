/* x86.h — names for the x86-64 architectural bits the assembly uses (the Intel SDM's names):
 * control registers, EFER and other MSRs, page-table entries, RFLAGS, the kernel's GDT
 * selectors (Gdt.cs builds the same table), TSS fields and the legacy ports the kernel uses. */

#ifndef NACRE_X86_H
#define NACRE_X86_H

/* CR0 */
#define CR0_PE          (1 << 0)        /* protected mode */
#define CR0_MP          (1 << 1)
#define CR0_EM          (1 << 2)        /* x87 emulation: off, or SSE faults */
#define CR0_WP          (1 << 16)       /* read-only pages bind ring 0 too */
#define CR0_PG          (1 << 31)

/* CR4 */
#define CR4_PAE         (1 << 5)
#define CR4_OSFXSR      (1 << 9)
#define CR4_OSXMMEXCPT  (1 << 10)
#define CR4_FSGSBASE    (1 << 16)
#define CR4_PCIDE       (1 << 17)
#define CR4_OSXSAVE     (1 << 18)

/* MSRs */
#define MSR_EFER        0xC0000080
#define MSR_FS_BASE     0xC0000100
#define MSR_GS_BASE     0xC0000101
#define EFER_LME        (1 << 8)        /* long mode enable */
#define EFER_LMA        (1 << 10)       /* long mode active: status, set by the CPU */

/* CPUID feature bits and XCR0 */
#define CPUID7_EBX_FSGSBASE (1 << 0)
#define CPUID1_ECX_XSAVE (1 << 26)
#define CPUID1_ECX_AVX  (1 << 28)
#define XCR0_X87_SSE_AVX 7

/* Page-table entries */
#define PTE_PRESENT     (1 << 0)
#define PTE_WRITABLE    (1 << 1)
#define PTE_USER        (1 << 2)
#define PTE_LARGE       (1 << 7)        /* in a page directory: a 2 MiB page */
#define PAGE_SIZE       4096
#define LARGE_PAGE_SIZE 0x200000
#define PAGE_TABLE_ENTRIES 512

/* The low two bits of a selector: the privilege level (in CS, the CPL). */
#define SEL_RPL_MASK    3

/* IDT gate attributes (the word at offset 4 of a 64-bit gate, bits 8..15) */
#define IDT_GATE_INTERRUPT (0xE << 8)   /* 64-bit interrupt gate: IF cleared on entry */
#define IDT_GATE_DPL3   (3 << 13)       /* reachable by int n from CPL 3 */
#define IDT_GATE_PRESENT (1 << 15)

/* The System V red zone: 128 bytes below rsp that leaf code may use without moving rsp. */
#define RED_ZONE        128

/* RFLAGS */
#define RFLAGS_RESERVED (1 << 1)        /* always 1 */
#define RFLAGS_IF       (1 << 9)
#define RFLAGS_IF_BIT   9

/* The kernel's GDT (boot.S, Gdt.cs); user selectors in the order sysret would want. */
#define SEL_KERNEL_CODE 0x08
#define SEL_KERNEL_DATA 0x10
#define SEL_USER_DATA   0x18
#define SEL_USER_CODE   0x20
#define SEL_TSS         0x28
#define RPL_USER        3
#define USER_CS         (SEL_USER_CODE | RPL_USER)
#define USER_SS         (SEL_USER_DATA | RPL_USER)

/* 64-bit TSS fields */
#define TSS_RSP0        4
#define TSS_IST1        36
#define TSS_IST2        44

/* Legacy ports */
#define PORT_COM1       0x3F8           /* data */
#define PORT_DEBUG_EXIT 0xF4            /* QEMU's isa-debug-exit (and the HVM's ring-0 exit port) */

#endif
