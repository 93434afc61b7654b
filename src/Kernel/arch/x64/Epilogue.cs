namespace Nacre.Arch.X64
{
    /// <summary>
    /// Finishes an interrupted function epilogue on a trap frame, by decoding it: ilc's unwind
    /// data describes prologues only, so a frame interrupted between its first epilogue
    /// instruction and its `ret` cannot be unwound by the CFA rule. The instructions ilc (and
    /// hand-written leaf routines) end functions with are few: `add rsp, imm`, `lea rsp, [rbp+d]`,
    /// `pop reg`, `leave`, `vzeroupper`, then `ret`.
    /// </summary>
    internal static unsafe class Epilogue
    {
        private const int MaxInstructions = 16;

        /// <summary>
        /// If the code at frame->Rip is an epilogue (a run of those instructions ending in `ret`),
        /// applies it up to the `ret`: the popped registers and rsp in the frame, so that
        /// frame->Rsp then points at the return address. False (frame untouched) otherwise.
        /// </summary>
        public static bool Finish(TrapFrame* frame)
        {
            TrapFrame f = *frame;
            byte* ip = (byte*)f.Rip;
            for (int i = 0; i < MaxInstructions; i++)
            {
                byte b = ip[0];
                if (b == 0xC3) { *frame = f; return true; }                               // ret
                if (b >= 0x58 && b <= 0x5F) { Pop(ref f, b - 0x58); ip += 1; continue; }    // pop r
                if (b == 0x41 && ip[1] >= 0x58 && ip[1] <= 0x5F) { Pop(ref f, 8 + ip[1] - 0x58); ip += 2; continue; }
                if (b == 0xC9) { f.Rsp = f.Rbp; Pop(ref f, 5); ip += 1; continue; }         // leave
                if (b == 0xC5 && ip[1] == 0xF8 && ip[2] == 0x77) { ip += 3; continue; }       // vzeroupper
                if (b == 0x48 && ip[1] == 0x83 && ip[2] == 0xC4) { f.Rsp += (ulong)(long)(sbyte)ip[3]; ip += 4; continue; } // add rsp, imm8
                if (b == 0x48 && ip[1] == 0x81 && ip[2] == 0xC4) { f.Rsp += (ulong)(long)*(int*)(ip + 3); ip += 7; continue; } // add rsp, imm32
                if (b == 0x48 && ip[1] == 0x8D && ip[2] == 0x65) { f.Rsp = f.Rbp + (ulong)(long)(sbyte)ip[3]; ip += 4; continue; } // lea rsp, [rbp+d8]
                if (b == 0x48 && ip[1] == 0x8D && ip[2] == 0xA5) { f.Rsp = f.Rbp + (ulong)(long)*(int*)(ip + 3); ip += 7; continue; } // lea rsp, [rbp+d32]
                return false;
            }
            return false;
        }

        // x86 register numbers: 0 rax 1 rcx 2 rdx 3 rbx 4 rsp 5 rbp 6 rsi 7 rdi 8–15 r8–r15.
        private static void Pop(ref TrapFrame f, int register)
        {
            ulong value = *(ulong*)f.Rsp;
            f.Rsp += 8;
            switch (register)
            {
                case 0: f.Rax = value; break;
                case 1: f.Rcx = value; break;
                case 2: f.Rdx = value; break;
                case 3: f.Rbx = value; break;
                case 5: f.Rbp = value; break;
                case 6: f.Rsi = value; break;
                case 7: f.Rdi = value; break;
                case 8: f.R8 = value; break;
                case 9: f.R9 = value; break;
                case 10: f.R10 = value; break;
                case 11: f.R11 = value; break;
                case 12: f.R12 = value; break;
                case 13: f.R13 = value; break;
                case 14: f.R14 = value; break;
                case 15: f.R15 = value; break;
            }
        }
    }
}
