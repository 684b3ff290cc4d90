using System.Reflection;
using System.Reflection.Emit;

namespace Dashboard.Web.Tests.Architecture;

/// <summary>
/// Every type a compiled type touches: its fields, properties, signatures, locals and the types, methods and fields
/// its IL names (compiler-made nested types, lambdas and async state machines included). A reference check over
/// signatures alone would miss a query written inside a method body.
/// </summary>
internal static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlySet<Type> Of(Type root)
    {
        var found = new HashSet<Type>();
        foreach (var type in WithNested(root))
        {
            Add(found, type.BaseType);
            foreach (var f in type.GetFields(Declared)) Add(found, f.FieldType);
            foreach (var p in type.GetProperties(Declared)) Add(found, p.PropertyType);
            foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (m is MethodInfo info) Add(found, info.ReturnType);
                foreach (var p in m.GetParameters()) Add(found, p.ParameterType);
                var body = m.GetMethodBody();
                if (body is null) continue;
                foreach (var local in body.LocalVariables) Add(found, local.LocalType);
                foreach (var member in Operands(m, body.GetILAsByteArray() ?? []))
                {
                    switch (member)
                    {
                        case Type t: Add(found, t); break;
                        case MethodBase method:
                            Add(found, method.DeclaringType);
                            if (method is MethodInfo mi) { Add(found, mi.ReturnType); if (mi.IsGenericMethod) foreach (var a in mi.GetGenericArguments()) Add(found, a); }
                            foreach (var p in method.GetParameters()) Add(found, p.ParameterType);
                            break;
                        case FieldInfo field: Add(found, field.DeclaringType); Add(found, field.FieldType); break;
                    }
                }
            }
        }
        return found;
    }

    private static IEnumerable<Type> WithNested(Type type) =>
        new[] { type }.Concat(type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested));

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter) return;
        if (type.HasElementType) { Add(found, type.GetElementType()); return; }
        if (type.IsGenericType)
        {
            foreach (var a in type.GetGenericArguments()) Add(found, a);
            if (!type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        }
        found.Add(type);
    }

    private static IEnumerable<MemberInfo> Operands(MethodBase method, byte[] il)
    {
        var module = method.Module;
        var typeArgs = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, i);
                    MemberInfo? member;
                    try { member = module.ResolveMember(token, typeArgs, methodArgs); }
                    catch (ArgumentException) { member = null; }
                    if (member is not null) yield return member;
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break;
            }
        }
    }
}
