namespace Internal.Runtime.TypeLoader
{
    /// <summary>
    /// The generic lookup tables ilc puts in the module (found through its ReadyToRun header at
    /// start-up, Startup.InitializeModules): the generic virtual method tables for classes and
    /// interfaces, the exact method instantiations, the generic method templates, the native
    /// layout blob they point into, the lists of the array types and generic instantiations the
    /// image has, and the two external-reference tables their type and code indices go through. An image is one module, so one set of tables.
    /// </summary>
    internal static unsafe class ModuleTables
    {
        // ReadyToRun section ids: 300 + NativeAOT's ReflectionMapBlob number.
        private const int ArrayTypesSection = 302;
        private const int CommonFixupsSection = 308;
        private const int GenericVirtualMethodSection = 318;
        private const int InterfaceGenericVirtualMethodSection = 319;
        private const int GenericMethodTemplatesSection = 322;
        private const int NativeLayoutSection = 330;
        private const int NativeReferencesSection = 331;
        private const int GenericTypesSection = 332;
        private const int ExactMethodInstantiationsSection = 336;

        public static byte* GenericVirtualMethods;
        public static byte* InterfaceGenericVirtualMethods;
        public static byte* GenericMethodTemplates;
        public static byte* ExactMethodInstantiations;
        public static byte* NativeLayout;
        public static byte* ArrayTypes;
        public static byte* GenericTypes;
        private static int* s_commonFixups;
        private static int* s_nativeReferences;

        /// <summary>Called by Startup for each section of the module's ReadyToRun header.</summary>
        public static void Register(int sectionId, byte* start)
        {
            switch (sectionId)
            {
                case CommonFixupsSection: s_commonFixups = (int*)start; break;
                case GenericVirtualMethodSection: GenericVirtualMethods = start; break;
                case InterfaceGenericVirtualMethodSection: InterfaceGenericVirtualMethods = start; break;
                case GenericMethodTemplatesSection: GenericMethodTemplates = start; break;
                case NativeLayoutSection: NativeLayout = start; break;
                case NativeReferencesSection: s_nativeReferences = (int*)start; break;
                case ExactMethodInstantiationsSection: ExactMethodInstantiations = start; break;
                case ArrayTypesSection: ArrayTypes = start; break;
                case GenericTypesSection: GenericTypes = start; break;
            }
        }

        // Each external reference is a rel32 to its target.
        private static void* Resolve(int* table, uint index) => (byte*)(table + index) + table[index];

        /// <summary>A MethodTable the generic virtual method tables name by index.</summary>
        public static MethodTable* FixupType(uint index) => (MethodTable*)Resolve(s_commonFixups, index);

        /// <summary>A MethodTable or code address the instantiation tables and native layout name by index.</summary>
        public static void* NativeReference(uint index) => Resolve(s_nativeReferences, index);
    }
}
