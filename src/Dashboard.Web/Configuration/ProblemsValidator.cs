using Microsoft.Extensions.Options;

namespace Dashboard.Web.Configuration;

/// <summary>
/// A settings section checked at start by the rule its options class states (one sentence per problem, naming the
/// key): a bad value stops the app with what to change.
/// </summary>
internal sealed class ProblemsValidator<TOptions>(Func<TOptions, IReadOnlyList<string>> problems) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        problems(options) is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
