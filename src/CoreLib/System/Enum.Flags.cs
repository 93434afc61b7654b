using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace System
{
    // The numeric side of enums, read from the boxed value: its size comes from the MethodTable,
    // whose element type for an enum is the underlying integer type.
    public abstract unsafe partial class Enum
    {
        public bool HasFlag(Enum flag)
        {
            if (flag == null) ThrowHelpers.ThrowArgumentNullException("flag");
            if (flag.GetMethodTable() != this.GetMethodTable()) ThrowHelpers.ThrowArgumentException("The flag is of a different enum type.");
            ulong f = flag.RawBits();
            return (RawBits() & f) == f;
        }

        /// <summary>The value's bits, zero-extended to 64 (sign is irrelevant to flag tests).</summary>
        internal ulong RawBits()
        {
            ref byte data = ref this.GetRawData();
            switch (this.GetMethodTable()->ElementType)
            {
                case ElementType.SByte: case ElementType.Byte: case ElementType.Boolean: return data;
                case ElementType.Int16: case ElementType.UInt16: case ElementType.Char: return Unsafe.As<byte, ushort>(ref data);
                case ElementType.Int32: case ElementType.UInt32: return Unsafe.As<byte, uint>(ref data);
                default: return Unsafe.As<byte, ulong>(ref data);
            }
        }
    }
}
