using Dashboard.Exports.Delivery;
using Dashboard.Exports.Rendering;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Configuration;

/// <summary>The "Rendering" section checked at start: a bad value stops the app with what to change.</summary>
internal sealed class RenderingOptionsValidator : IValidateOptions<RenderingOptions>
{
    public ValidateOptionsResult Validate(string? name, RenderingOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

/// <summary>The "Delivery" section checked at start.</summary>
internal sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options) =>
        options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
