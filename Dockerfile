# Multi-stage build of the portal. Built from a full NuGet source: FullNuGet=true turns the SQL Server
# provider into normal package references (see src/MyNumberPortal.Data.SqlServer).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props MyNumberPortal.sln ./
COPY src/ src/
RUN dotnet publish src/MyNumberPortal.Web/MyNumberPortal.Web.csproj -c Release -o /app -p:FullNuGet=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ConnectionStrings__Portal="Data Source=/data/portal.db"
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["dotnet", "MyNumberPortal.Web.dll"]
