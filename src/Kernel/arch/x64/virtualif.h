/* virtualif.h — what deprivileged mode (deprivileged.S) shares with the other assembly: the
 * virtual interrupt flag, for every routine that saves or restores RFLAGS, and the privileged
 * gate's operation numbers. The per-CPU offsets it uses are in structoffsets.h. */

#include "x86.h"
#include "structoffsets.h"

/* FLAGS_WITH_VIF x: makes bit 9 (IF) of the RFLAGS image x (register or memory) the virtual IF,
 * since at CPL 3 the real IF is always on. */
.macro FLAGS_WITH_VIF x
    andq $~RFLAGS_IF, \x
    cmpq $0, %gs:PCPU_VIF
    je .Lvif_off_\@
    orq $RFLAGS_IF, \x
.Lvif_off_\@:
.endm

/* RETURN_SETTING_VIF x: sets the virtual IF from bit 9 of the RFLAGS image x and returns; when
 * that enables interrupts, through depriv_deliver_pending (which delivers what became pending
 * meanwhile and then returns, preserving every register). */
.macro RETURN_SETTING_VIF x
    btq $RFLAGS_IF_BIT, \x
    jc .Lvif_on_\@
    movq $0, %gs:PCPU_VIF
    ret
.Lvif_on_\@:
    movq $1, %gs:PCPU_VIF
    jmp depriv_deliver_pending
.endm

/* Operation numbers of the privileged gate (cpu.S's routines pass them in eax). */
#define OP_OUTB         0
#define OP_INB          1
#define OP_OUTW         2
#define OP_OUTL         3
#define OP_READ_CR0     4
#define OP_READ_CR2     5
#define OP_READ_CR3     6
#define OP_READ_CR4     7
#define OP_WRITE_CR3    8
#define OP_INVLPG       9
#define OP_RDMSR        10
#define OP_WRMSR        11
#define OP_LIDT         12
#define OP_HALT         13
#define OP_STOP         14
#define OP_COUNT        15
