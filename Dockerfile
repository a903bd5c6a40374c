# syntax=docker/dockerfile:1
# The portal's image: multi-stage, runs as a non-root user, health-checked. Operator guide: docs/operations.md.
#   docker build -t mynumberportal .            (or: docker compose up -d --build)

# --- build: the .NET SDK publishes the web app (every package, the SQL Server provider included, is a plain reference).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props MyNumberPortal.sln ./
COPY src/ src/
RUN --mount=type=cache,id=nuget,target=/root/.nuget/packages \
    dotnet publish src/MyNumberPortal.Web/MyNumberPortal.Web.csproj -c Release -o /app

# --- runtime: ASP.NET Core only (Ubuntu 24.04). The app's files belong to root and are read-only for the app user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
# Health probe without curl/wget (neither is in the image): bash /dev/tcp, see deploy/healthcheck.sh.
COPY --chmod=0755 deploy/healthcheck.sh /usr/local/bin/portal-healthcheck
# /data holds the SQLite file when Database__Provider=Sqlite (the default); unused with SQL Server.
RUN mkdir -p /data && chown "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    ConnectionStrings__Portal="Data Source=/data/portal.db"
# $APP_UID (1654, user "app") comes from the base image: never root.
USER $APP_UID
EXPOSE 8080
# Readiness (the database answers). Start-up applies migrations and seeds before listening: allow a minute.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["portal-healthcheck", "/health/ready"]
ENTRYPOINT ["dotnet", "MyNumberPortal.Web.dll"]
