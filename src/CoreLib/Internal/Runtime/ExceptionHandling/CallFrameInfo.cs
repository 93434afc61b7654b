using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime
{
    /// <summary>
    /// The registers a frame owns across calls (System V: rbx, rbp, r12–r15) plus where it is:
    /// enough to describe a frame to the unwinder and to resume in it. Layout shared with
    /// exceptions.S (the kernel's structoffsets.h, CTX_*; checked by the AsmOffsets test).
    /// </summary>
    public struct RegisterContext
    {
        public ulong Rip, Rsp, Rbp, Rbx, R12, R13, R14, R15;
    }

    /// <summary>Where a function's frame ends, at one instruction of it (from CallFrameInfo.FindFrame).</summary>
    public unsafe struct FrameRule
    {
        /// <summary>
        /// The CFA (the caller's stack pointer before its call; the function's return address is
        /// at CFA-8) is rbp + CfaOffset when CfaFromRbp, else rsp + CfaOffset.
        /// </summary>
        public bool CfaFromRbp;
        public long CfaOffset;
        /// <summary>Where the function saved its caller's rbp, relative to the CFA (0: not saved).</summary>
        public long SavedRbpOffset;
        /// <summary>The same for rbx, r12, r13, r14, r15 (0: not saved).</summary>
        public long SavedRbx, SavedR12, SavedR13, SavedR14, SavedR15;
    }

    /// <summary>
    /// Reads the image's DWARF call-frame information (.eh_frame; ilc emits one FDE per managed
    /// method and funclet, describing its prologue, with the method's EH/GC blob as the FDE's LSDA),
    /// through ld's sorted index of it (.eh_frame_hdr). Enough of the format for ilc's and GCC's
    /// output: CIEs with "zLR"/"zR"/"zPLR" augmentations, pc-relative or absolute pointers, and the
    /// CFA and register-offset instructions. The exception dispatcher unwinds with it; the kernel's
    /// Thread.Fork finds the forking function's frame with it.
    /// </summary>
    public static unsafe class CallFrameInfo
    {
        private const int Rbx = 3, Rbp = 6, Rsp = 7, R12 = 12, R15 = 15;
        private const int MaxRememberedStates = 4;

        // .eh_frame_hdr: version 1, then the encodings of the .eh_frame pointer, of the entry
        // count and of the table: (start address, FDE address) pairs sorted by start address.
        private const byte DatarelSdata4 = 0x3B;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "arch_eh_frame_hdr")]
        private static extern byte* FrameIndex();

        private struct Cie
        {
            public ulong CodeAlign;
            public long DataAlign;
            public byte PointerEncoding;    // DW_EH_PE_* of the FDE's pc fields
            public byte LsdaEncoding;       // 0xFF: the FDEs have no LSDA
            public bool HasAugmentationData;
            public byte* Instructions, InstructionsEnd;
        }

        /// <summary>One function's FDE: its code range, its LSDA (null if none) and its instructions.</summary>
        public struct Function
        {
            public ulong Start, End;
            public byte* Lsda;
            internal byte* Fde;
        }

        /// <summary>The FDE covering pc (a binary search in ld's index). False for code without one.</summary>
        public static bool FindFunction(ulong pc, out Function function)
        {
            function = default;
            byte* index = FrameIndex();
            if (index[0] != 1 || index[3] != DatarelSdata4) return false;
            byte* q = index + 4;
            ReadPointer(ref q, index[1]);                       // .eh_frame itself: not needed
            long count = (long)ReadPointer(ref q, index[2]);
            int* table = (int*)q;
            long lo = 0, hi = count - 1, found = -1;
            while (lo <= hi)
            {
                long mid = (lo + hi) / 2;
                if ((ulong)(index + table[2 * mid]) <= pc) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            if (found < 0) return false;

            byte* fde = index + table[2 * found + 1];
            byte* entry = fde + 4;
            if (!ParseCie(entry - *(uint*)entry, out Cie cie)) return false;
            q = entry + 4;
            ulong begin = ReadPointer(ref q, cie.PointerEncoding);
            ulong range = ReadPointer(ref q, (byte)(cie.PointerEncoding & 0x0F));
            if (pc < begin || pc >= begin + range) return false;
            function.Start = begin;
            function.End = begin + range;
            function.Fde = fde;
            if (cie.HasAugmentationData)
            {
                ulong length = ReadUleb(ref q);
                if (cie.LsdaEncoding != 0xFF && length != 0)
                {
                    byte* at = q;
                    ulong lsda = ReadPointer(ref at, cie.LsdaEncoding);
                    function.Lsda = (byte*)lsda;
                }
            }
            return true;
        }

        /// <summary>
        /// The frame rule in force at code address pc (for a return address, pass the address
        /// minus 1: the call instruction). False when no FDE covers pc or its instructions use
        /// something this reader does not handle (DWARF expressions, a CFA in another register).
        /// </summary>
        public static bool FindFrame(ulong pc, out FrameRule rule)
        {
            rule = default;
            return FindFunction(pc, out Function f) && RuleAt(f, pc, out rule);
        }

        /// <summary>The frame rule of function f at pc (which f covers).</summary>
        public static bool RuleAt(in Function f, ulong pc, out FrameRule rule)
        {
            rule = default;
            byte* fde = f.Fde;
            byte* entry = fde + 4;
            byte* fdeEnd = entry + *(uint*)fde;
            if (!ParseCie(entry - *(uint*)entry, out Cie cie)) return false;
            byte* q = entry + 4;
            ReadPointer(ref q, cie.PointerEncoding);
            ReadPointer(ref q, (byte)(cie.PointerEncoding & 0x0F));
            if (cie.HasAugmentationData) { ulong length = ReadUleb(ref q); q += length; }
            return Run(cie, q, fdeEnd, f.Start, pc, ref rule);
        }

        /// <summary>
        /// Moves context from a frame of function f to its caller: the CFA by the rule at the
        /// frame's pc, the callee-saved registers the function saved, the return address as the
        /// new Rip. exactPc: Rip is the faulting instruction itself rather than a return address.
        /// </summary>
        public static bool Unwind(in Function f, ref RegisterContext context, bool exactPc)
        {
            ulong pc = exactPc ? context.Rip : context.Rip - 1;
            if (!RuleAt(f, pc, out FrameRule rule)) return false;
            ulong cfa = (rule.CfaFromRbp ? context.Rbp : context.Rsp) + (ulong)rule.CfaOffset;
            if (rule.SavedRbx != 0) context.Rbx = *(ulong*)(cfa + (ulong)rule.SavedRbx);
            if (rule.SavedRbpOffset != 0) context.Rbp = *(ulong*)(cfa + (ulong)rule.SavedRbpOffset);
            if (rule.SavedR12 != 0) context.R12 = *(ulong*)(cfa + (ulong)rule.SavedR12);
            if (rule.SavedR13 != 0) context.R13 = *(ulong*)(cfa + (ulong)rule.SavedR13);
            if (rule.SavedR14 != 0) context.R14 = *(ulong*)(cfa + (ulong)rule.SavedR14);
            if (rule.SavedR15 != 0) context.R15 = *(ulong*)(cfa + (ulong)rule.SavedR15);
            context.Rip = *(ulong*)(cfa - 8);
            context.Rsp = cfa;
            return true;
        }

        private static bool ParseCie(byte* at, out Cie cie)
        {
            cie = default;
            cie.LsdaEncoding = 0xFF;
            byte* end = at + 4 + *(uint*)at;
            byte* q = at + 8;
            byte version = *q++;
            byte* augmentation = q;
            while (*q != 0) q++;
            q++;
            cie.CodeAlign = ReadUleb(ref q);
            cie.DataAlign = ReadSleb(ref q);
            if (version == 1) q++; else ReadUleb(ref q);   // return-address column
            cie.PointerEncoding = 0; // absolute, 8 bytes
            if (augmentation[0] == 'z')
            {
                cie.HasAugmentationData = true;
                ulong dataLength = ReadUleb(ref q);
                byte* data = q;
                for (byte* a = augmentation + 1; *a != 0; a++)
                {
                    if (*a == 'R') cie.PointerEncoding = *data++;
                    else if (*a == 'L') cie.LsdaEncoding = *data++;
                    else if (*a == 'P') { byte enc = *data++; ReadPointer(ref data, enc); }
                    else if (*a != 'S') return false;
                }
                q += dataLength;
            }
            else if (augmentation[0] != 0) return false;
            cie.Instructions = q;
            cie.InstructionsEnd = end;
            return true;
        }

        // Runs the CIE's initial instructions, then the FDE's up to pc.
        private static bool Run(Cie cie, byte* fde, byte* fdeEnd, ulong location, ulong pc, ref FrameRule rule)
        {
            FrameRule s = default;
            int cfaRegister = Rsp;
            FrameRule* remembered = stackalloc FrameRule[MaxRememberedStates];
            int* rememberedRegister = stackalloc int[MaxRememberedStates];
            int depth = 0;
            if (!Execute(cie, cie.Instructions, cie.InstructionsEnd, ref location, ulong.MaxValue, ref s, ref cfaRegister, default, remembered, rememberedRegister, ref depth)) return false;
            FrameRule initial = s;
            if (!Execute(cie, fde, fdeEnd, ref location, pc, ref s, ref cfaRegister, initial, remembered, rememberedRegister, ref depth)) return false;
            if (cfaRegister != Rsp && cfaRegister != Rbp) return false;
            s.CfaFromRbp = cfaRegister == Rbp;
            rule = s;
            return true;
        }

        private static bool Execute(Cie cie, byte* q, byte* end, ref ulong location, ulong pc, ref FrameRule s, ref int cfaRegister,
                                    FrameRule initial, FrameRule* remembered, int* rememberedRegister, ref int depth)
        {
            while (q < end)
            {
                byte op = *q++;
                int high = op & 0xC0, low = op & 0x3F;
                ulong advance = 0;
                if (high == 0x40) advance = (ulong)low;
                else if (high == 0x80) SetSaved(ref s, low, (long)ReadUleb(ref q) * cie.DataAlign);
                else if (high == 0xC0) SetSaved(ref s, low, SavedOf(initial, low));
                else switch (op)
                {
                    case 0x00: break;                                           // nop
                    case 0x02: advance = *q; q += 1; break;                     // advance_loc1
                    case 0x03: advance = *(ushort*)q; q += 2; break;            // advance_loc2
                    case 0x04: advance = *(uint*)q; q += 4; break;              // advance_loc4
                    case 0x05: { int r = (int)ReadUleb(ref q); SetSaved(ref s, r, (long)ReadUleb(ref q) * cie.DataAlign); break; }
                    case 0x06: { int r = (int)ReadUleb(ref q); SetSaved(ref s, r, SavedOf(initial, r)); break; } // restore_extended
                    case 0x07:                                                  // undefined
                    case 0x08: SetSaved(ref s, (int)ReadUleb(ref q), 0); break; // same_value
                    case 0x09: ReadUleb(ref q); ReadUleb(ref q); break;         // register (not used for these)
                    case 0x0A:
                        if (depth == MaxRememberedStates) return false;
                        rememberedRegister[depth] = cfaRegister;
                        remembered[depth++] = s;
                        break;
                    case 0x0B:
                        if (depth == 0) return false;
                        s = remembered[--depth];
                        cfaRegister = rememberedRegister[depth];
                        break;
                    case 0x0C: cfaRegister = (int)ReadUleb(ref q); s.CfaOffset = (long)ReadUleb(ref q); break;
                    case 0x0D: cfaRegister = (int)ReadUleb(ref q); break;
                    case 0x0E: s.CfaOffset = (long)ReadUleb(ref q); break;
                    case 0x11: { int r = (int)ReadUleb(ref q); SetSaved(ref s, r, ReadSleb(ref q) * cie.DataAlign); break; }
                    case 0x12: cfaRegister = (int)ReadUleb(ref q); s.CfaOffset = ReadSleb(ref q) * cie.DataAlign; break;
                    case 0x13: s.CfaOffset = ReadSleb(ref q) * cie.DataAlign; break;
                    case 0x2E: ReadUleb(ref q); break;                          // GNU_args_size
                    default: return false;                                      // expressions and the rest
                }
                if (advance != 0)
                {
                    location += advance * cie.CodeAlign;
                    if (location > pc) return true;
                }
            }
            return true;
        }

        private static void SetSaved(ref FrameRule s, int register, long offset)
        {
            switch (register)
            {
                case Rbx: s.SavedRbx = offset; break;
                case Rbp: s.SavedRbpOffset = offset; break;
                case R12: s.SavedR12 = offset; break;
                case 13: s.SavedR13 = offset; break;
                case 14: s.SavedR14 = offset; break;
                case R15: s.SavedR15 = offset; break;
            }
        }

        private static long SavedOf(in FrameRule s, int register) => register switch
        {
            Rbx => s.SavedRbx,
            Rbp => s.SavedRbpOffset,
            R12 => s.SavedR12,
            13 => s.SavedR13,
            14 => s.SavedR14,
            R15 => s.SavedR15,
            _ => 0,
        };

        // DW_EH_PE_*: low nibble the format, 0x10 pc-relative (0x80 indirect is not used by ilc/gcc here).
        private static ulong ReadPointer(ref byte* q, byte encoding)
        {
            byte* at = q;
            ulong value;
            switch (encoding & 0x0F)
            {
                case 0x00: value = *(ulong*)q; q += 8; break;     // absptr
                case 0x01: value = ReadUleb(ref q); break;        // uleb128
                case 0x02: value = *(ushort*)q; q += 2; break;    // udata2
                case 0x03: value = *(uint*)q; q += 4; break;      // udata4
                case 0x04: value = *(ulong*)q; q += 8; break;     // udata8
                case 0x09: value = (ulong)ReadSleb(ref q); break; // sleb128
                case 0x0A: value = (ulong)(long)*(short*)q; q += 2; break; // sdata2
                case 0x0B: value = (ulong)(long)*(int*)q; q += 4; break;   // sdata4
                default: value = *(ulong*)q; q += 8; break;       // sdata8
            }
            if ((encoding & 0x70) == 0x10) value += (ulong)at;
            return value;
        }

        private static ulong ReadUleb(ref byte* q) => ReadLeb128(ref q, false);

        private static long ReadSleb(ref byte* q) => (long)ReadLeb128(ref q, true);

        private static ulong ReadLeb128(ref byte* q, bool signed)
        {
            ulong value = 0;
            int shift = 0;
            byte b;
            do { b = *q++; value |= (ulong)(b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            if (signed && shift < 64 && (b & 0x40) != 0) value |= ~0UL << shift;
            return value;
        }
    }
}
