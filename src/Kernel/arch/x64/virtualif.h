/* virtualif.h — deprivileged mode's virtual interrupt flag (deprivileged.S), for every routine
 * that saves or restores RFLAGS. The per-CPU offsets mirror Nacre.Cpus.PerCpu. */

#define PCPU_VIF        104     /* 1 = interrupts (virtually) enabled */
#define PCPU_PENDING    112     /* 256-bit bitmap of vectors that arrived while masked */
#define PCPU_EXC_STACK  144     /* top of the stack CPU exceptions are reflected onto */

/* FLAGS_WITH_VIF x: makes bit 9 (IF) of the RFLAGS image x (register or memory) the virtual IF,
 * since at CPL 3 the real IF is always on. */
.macro FLAGS_WITH_VIF x
    andq $~0x200, \x
    cmpq $0, %gs:PCPU_VIF
    je .Lvif_off_\@
    orq $0x200, \x
.Lvif_off_\@:
.endm

/* RETURN_SETTING_VIF x: sets the virtual IF from bit 9 of the RFLAGS image x and returns; when
 * that enables interrupts, through depriv_deliver_pending (which delivers what became pending
 * meanwhile and then returns, preserving every register). */
.macro RETURN_SETTING_VIF x
    btq $9, \x
    jc .Lvif_on_\@
    movq $0, %gs:PCPU_VIF
    ret
.Lvif_on_\@:
    movq $1, %gs:PCPU_VIF
    jmp depriv_deliver_pending
.endm
