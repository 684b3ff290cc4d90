using Dashboard.Web.Access;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Dashboard.Web.Api;

/// <summary>Describes in the OpenAPI document how callers authenticate: an API key in the X-Api-Key header (or a signed-in browser).</summary>
public static class ApiKeyOpenApi
{
    public const string SchemeName = "ApiKey";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "A key an admin created (dashboard apikeys add, or the API keys page); also accepted as Authorization: Bearer roi_…. "
                    + "The key's role and markets scope every answer; only keys created to import may POST /api/imports.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
