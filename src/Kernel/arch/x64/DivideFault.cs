namespace Nacre.Arch.X64
{
    /// <summary>
    /// #DE means either a zero divisor or a quotient that does not fit (int.MinValue / -1), which C#
    /// reports as DivideByZeroException and OverflowException. Only the divisor tells them apart, so
    /// this decodes the faulting `div`/`idiv` (opcode F6/F7 /6 or /7) and reads its operand from the
    /// saved registers or memory.
    /// </summary>
    internal static unsafe class DivideFault
    {
        /// <summary>True if the faulting instruction is a signed division by -1 (an overflow).</summary>
        public static bool IsOverflow(TrapFrame* f)
        {
            byte* ip = (byte*)f->Rip;
            byte rex = 0;
            bool operandSize16 = false;
            while (*ip == 0x66 || *ip == 0x67 || *ip == 0x2E || *ip == 0x3E || *ip == 0x26 || *ip == 0x64 || *ip == 0x65 || *ip == 0x36)
            {
                if (*ip == 0x66) operandSize16 = true;
                ip++;
            }
            if ((*ip & 0xF0) == 0x40) rex = *ip++;
            byte opcode = *ip++;
            if (opcode != 0xF7 && opcode != 0xF6) return false;
            byte modrm = *ip++;
            int mod = modrm >> 6, reg = (modrm >> 3) & 7, rm = modrm & 7;
            if (reg != 7) return false; // /6 is unsigned div: it cannot overflow from C#'s code

            int width = opcode == 0xF6 ? 1 : (rex & 8) != 0 ? 8 : operandSize16 ? 2 : 4;
            long divisor;
            if (mod == 3)
            {
                divisor = Register(f, rm | ((rex & 1) << 3));
            }
            else
            {
                ulong address = EffectiveAddress(f, ref ip, mod, rm, rex);
                divisor = width == 8 ? *(long*)address : width == 4 ? *(int*)address : width == 2 ? *(short*)address : *(sbyte*)address;
            }
            if (width == 4) divisor = (int)divisor;
            else if (width == 2) divisor = (short)divisor;
            else if (width == 1) divisor = (sbyte)divisor;
            return divisor == -1;
        }

        private static ulong EffectiveAddress(TrapFrame* f, ref byte* ip, int mod, int rm, byte rex)
        {
            ulong address;
            if (rm == 4)
            {
                byte sib = *ip++;
                int scale = sib >> 6, index = ((sib >> 3) & 7) | ((rex & 2) << 2), b = (sib & 7) | ((rex & 1) << 3);
                if ((b & 7) == 5 && mod == 0)
                {
                    address = (ulong)(long)*(int*)ip; // no base: a 32-bit displacement instead
                    ip += 4;
                }
                else address = (ulong)Register(f, b);
                if (index != 4) address += (ulong)Register(f, index) << scale;
            }
            else if (rm == 5 && mod == 0)
            {
                int disp = *(int*)ip;
                ip += 4;
                // RIP-relative: from the end of the instruction (no immediate follows div/idiv).
                return (ulong)((long)ip + disp);
            }
            else
            {
                address = (ulong)Register(f, rm | ((rex & 1) << 3));
            }
            if (mod == 1) { address += (ulong)(long)*(sbyte*)ip; ip++; }
            else if (mod == 2) { address += (ulong)(long)*(int*)ip; ip += 4; }
            return address;
        }

        private static long Register(TrapFrame* f, int n) => n switch
        {
            0 => (long)f->Rax, 1 => (long)f->Rcx, 2 => (long)f->Rdx, 3 => (long)f->Rbx,
            4 => (long)f->Rsp, 5 => (long)f->Rbp, 6 => (long)f->Rsi, 7 => (long)f->Rdi,
            8 => (long)f->R8, 9 => (long)f->R9, 10 => (long)f->R10, 11 => (long)f->R11,
            12 => (long)f->R12, 13 => (long)f->R13, 14 => (long)f->R14, _ => (long)f->R15,
        };
    }
}
