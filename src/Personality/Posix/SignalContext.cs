using Nacre.Arch.X64;

namespace Nacre.Personality.Posix
{
    /// <summary>
    /// glibc's x86-64 ucontext_t and siginfo_t, as a handler receives them: registers in
    /// uc_mcontext.gregs (REG_R8 … REG_CR2), uc_mcontext.fpregs pointing at the FXSAVE image in
    /// __fpregs_mem, the signal mask to restore in uc_sigmask. Converted from and to the kernel's
    /// TrapFrame (plus the FPU state the trap entry saved) so that what a handler changes is what
    /// resumes.
    /// </summary>
    public static unsafe class SignalContext
    {
        public const int Size = 968, SigInfoSize = 128;
        public const int Flags = 0, Link = 8, Stack = 16, Gregs = 40, FpregsPointer = 224, SigMask = 296, FpregsMemory = 424;

        public const int R8 = 0, R9 = 1, R10 = 2, R11 = 3, R12 = 4, R13 = 5, R14 = 6, R15 = 7, Rdi = 8, Rsi = 9, Rbp = 10,
            Rbx = 11, Rdx = 12, Rax = 13, Rcx = 14, Rsp = 15, Rip = 16, Eflags = 17, CsGsFs = 18, Err = 19, TrapNo = 20,
            OldMask = 21, Cr2 = 22;

        public static ulong* Registers(byte* uc) => (ulong*)(uc + Gregs);

        /// <summary>Fills uc from a trap frame and the FPU state saved with it; mask = the thread's mask before the signal.</summary>
        public static void FromTrapFrame(byte* uc, TrapFrame* f, byte* fpu, ulong mask, ulong cr2)
        {
            Clear(uc, Size);
            ulong* g = Registers(uc);
            g[R8] = f->R8; g[R9] = f->R9; g[R10] = f->R10; g[R11] = f->R11; g[R12] = f->R12; g[R13] = f->R13;
            g[R14] = f->R14; g[R15] = f->R15; g[Rdi] = f->Rdi; g[Rsi] = f->Rsi; g[Rbp] = f->Rbp; g[Rbx] = f->Rbx;
            g[Rdx] = f->Rdx; g[Rax] = f->Rax; g[Rcx] = f->Rcx; g[Rsp] = f->Rsp; g[Rip] = f->Rip; g[Eflags] = f->Rflags;
            g[CsGsFs] = f->Cs & 0xFFFF; g[Err] = f->ErrorCode; g[TrapNo] = f->Vector; g[OldMask] = mask; g[Cr2] = cr2;
            *(ulong*)(uc + SigMask) = mask;
            byte* memory = uc + FpregsMemory;
            for (int i = 0; i < 512; i++) memory[i] = fpu[i];
            *(ulong*)(uc + FpregsPointer) = (ulong)memory;
        }

        /// <summary>Writes what the handler left in uc back into the frame (and FPU state) that will resume.</summary>
        public static void ToTrapFrame(byte* uc, TrapFrame* f, byte* fpu)
        {
            ulong* g = Registers(uc);
            f->R8 = g[R8]; f->R9 = g[R9]; f->R10 = g[R10]; f->R11 = g[R11]; f->R12 = g[R12]; f->R13 = g[R13];
            f->R14 = g[R14]; f->R15 = g[R15]; f->Rdi = g[Rdi]; f->Rsi = g[Rsi]; f->Rbp = g[Rbp]; f->Rbx = g[Rbx];
            f->Rdx = g[Rdx]; f->Rax = g[Rax]; f->Rcx = g[Rcx]; f->Rsp = g[Rsp]; f->Rip = g[Rip];
            // Only the arithmetic flags (and direction/trap) are the handler's to change.
            const ulong UserFlags = 0xCD5 | 0x400 | 0x100;
            f->Rflags = (f->Rflags & ~UserFlags) | (g[Eflags] & UserFlags);
            byte* source = *(byte**)(uc + FpregsPointer);
            if (source != null)
                for (int i = 0; i < 512; i++) fpu[i] = source[i];
            // MXCSR reserved bits set by mistake would fault on fxrstor: keep them clear.
            *(uint*)(fpu + 24) &= 0xFFFF;
        }

        /// <summary>siginfo_t: signo, code and, by kind, the fault address or the sender's pid.</summary>
        public static void FillInfo(byte* info, int signal, int code, ulong address, int senderPid)
        {
            Clear(info, SigInfoSize);
            *(int*)(info + 0) = signal;
            *(int*)(info + 8) = code;
            if (address != 0) *(ulong*)(info + 16) = address;
            else { *(int*)(info + 16) = senderPid; *(int*)(info + 20) = 0; }
        }

        /// <summary>
        /// Zeroes exactly <paramref name="bytes"/> bytes: the caller's structure may end anywhere
        /// (struct utsname is 390 bytes) and what follows it may be the caller's stack canary.
        /// </summary>
        public static void Clear(byte* p, int bytes)
        {
            int i = 0;
            for (; i + 8 <= bytes; i += 8) *(ulong*)(p + i) = 0;
            for (; i < bytes; i++) p[i] = 0;
        }
    }
}
