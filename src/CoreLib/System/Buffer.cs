using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Raw memory copy. ilc binds struct copies with references to BulkMoveWithWriteBarrier.</summary>
    public static unsafe class Buffer
    {
        public static void Memmove(byte* dest, byte* src, nuint len)
        {
            if (len == 0 || dest == src) return;
            if (dest < src || dest >= src + len)
            {
                nuint i = 0;
                for (; i + 8 <= len; i += 8) *(ulong*)(dest + i) = *(ulong*)(src + i);
                for (; i < len; i++) dest[i] = src[i];
            }
            else
            {
                nuint i = len;
                while (i >= 8) { i -= 8; *(ulong*)(dest + i) = *(ulong*)(src + i); }
                while (i > 0) { i--; dest[i] = src[i]; }
            }
        }

        public static void MemoryCopy(void* source, void* destination, long destinationSizeInBytes, long sourceBytesToCopy)
        {
            if (sourceBytesToCopy > destinationSizeInBytes) ThrowHelpers.ThrowArgumentOutOfRangeException("sourceBytesToCopy");
            Memmove((byte*)destination, (byte*)source, (nuint)sourceBytesToCopy);
        }

        internal static void BulkMoveWithWriteBarrier(ref byte destination, ref byte source, nuint byteCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);

        internal static void Memmove(ref byte destination, ref byte source, nuint byteCount)
            => Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);
    }

    /// <summary>Span primitives; ilc binds block fills and copies to these by name.</summary>
    internal static unsafe class SpanHelpers
    {
        public static void Memmove(ref byte destination, ref byte source, nuint byteCount)
            => Buffer.Memmove((byte*)Unsafe.AsPointer(ref destination), (byte*)Unsafe.AsPointer(ref source), byteCount);

        public static void ClearWithoutReferences(ref byte b, nuint byteLength)
        {
            byte* p = (byte*)Unsafe.AsPointer(ref b);
            nuint i = 0;
            for (; i + 8 <= byteLength; i += 8) *(ulong*)(p + i) = 0;
            for (; i < byteLength; i++) p[i] = 0;
        }

        public static void ClearWithReferences(ref nint ip, nuint pointerSizeLength)
        {
            nint* p = (nint*)Unsafe.AsPointer(ref ip);
            for (nuint i = 0; i < pointerSizeLength; i++) p[i] = 0;
        }

        public static void Fill(ref byte dest, byte value, nuint length)
        {
            byte* p = (byte*)Unsafe.AsPointer(ref dest);
            for (nuint i = 0; i < length; i++) p[i] = value;
        }

        public static bool SequenceEqual(ref char a, ref char b, int length)
        {
            for (int i = 0; i < length; i++)
                if (Unsafe.Add(ref a, i) != Unsafe.Add(ref b, i)) return false;
            return true;
        }
    }
}
