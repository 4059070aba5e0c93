#!/usr/bin/env bash
# No Docker engine runs in CI, so this checks the Dockerfile's build stage without one: it copies exactly what the
# stage's COPY lines copy (less what .dockerignore leaves out) into an empty folder and runs the stage's RUN lines
# there, with the same local Maven repository. A module missing from the COPY lines fails the build here as in Docker.
# Set MAVEN_ARGS=-o to build offline from the local repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT

excludes=()
if [[ -f "$root/.dockerignore" ]]; then
  while IFS= read -r pattern; do
    [[ -z "$pattern" || "$pattern" == \#* ]] && continue
    excludes+=("--exclude=${pattern#\*\*/}")
  done < "$root/.dockerignore"
fi

# The build stage: from the first FROM to the next one.
stage="$(awk '/^FROM /{n++} n==1' "$root/docker/Dockerfile")"
workdir="$(sed -n 's/^WORKDIR //p' <<<"$stage" | tail -1)"
mkdir -p "$context$workdir"
while read -r _ src dest; do
  [[ "$dest" == /* ]] || dest="$workdir/$dest"
  mkdir -p "$context$dest"
  if [[ -d "$root/$src" ]]; then
    tar -C "$root/$src" "${excludes[@]}" -cf - . | tar -C "$context$dest" -xf -
  else
    cp "$root/$src" "$context$dest/"
  fi
done < <(grep -E '^COPY ' <<<"$stage" | grep -v -- '--from=')

cd "$context$workdir"
if [[ -n "${MAVEN_ARGS:-}" ]]; then
  # Maven before 3.9 ignores MAVEN_ARGS but reads .mvn/maven.config.
  mkdir -p .mvn && tr ' ' '\n' <<<"$MAVEN_ARGS" > .mvn/maven.config
fi
grep -E '^RUN ' <<<"$stage" | sed 's/^RUN //' | while IFS= read -r command; do
  echo "docker/check-context.sh: $command (in a copy of the build context)"
  bash -c "$command" </dev/null
done
test -f server/target/cadre.jar
echo "docker/check-context.sh: the Dockerfile's build stage builds server/target/cadre.jar"
