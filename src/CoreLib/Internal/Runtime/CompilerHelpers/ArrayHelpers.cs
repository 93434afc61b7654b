using System;
using Internal.Runtime;

namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// `newobj` of a multi-dimensional array (`new int[2, 3]`), which ilc binds to this class by
    /// name. The layout is NativeAOT's, which ilc's generated Get/Set/Address accessors index
    /// directly: [MethodTable*][int total length][pad][int length per dimension][int lower bound
    /// per dimension][elements, row-major].
    /// </summary>
    internal static unsafe class ArrayHelpers
    {
        /// <summary>pDimensions holds one length per dimension, or (lower bound, length) pairs.</summary>
        public static Array NewObjArray(MethodTable* pEEType, int nDimensions, int* pDimensions)
        {
            int rank = pEEType->ArrayRank;
            if (rank < nDimensions)
            {
                for (int i = 0; i < rank; i++)
                {
                    // Non-zero lower bounds (Array.CreateInstance-style) have no C# syntax.
                    if (pDimensions[2 * i] != 0) ThrowHelpers.ThrowPlatformNotSupportedException("non-zero array lower bounds");
                    pDimensions[i] = pDimensions[2 * i + 1];
                }
            }
            ulong total = 1;
            for (int i = 0; i < rank; i++)
            {
                if (pDimensions[i] < 0) ThrowHelpers.ThrowOverflowException();
                total *= (uint)pDimensions[i];
                if (total > int.MaxValue) ThrowHelpers.ThrowOutOfMemoryException();
            }
            Array a = System.Runtime.CompilerServices.Unsafe.As<Array>(RuntimeAllocation.NewArray(pEEType, (int)total));
            int* bounds = a.MultiDimensionalBounds;
            for (int i = 0; i < rank; i++) bounds[i] = pDimensions[i];
            return a;
        }
    }
}
