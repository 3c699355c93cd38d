#!/usr/bin/env python3
"""Where the CPU went in a JFR recording of a service under load: execution samples grouped by area.

    bench/jfr-breakdown.py recording.jfr [--jfr /path/to/jdk/bin/jfr] [--top 25]

Reads `jfr print --events jdk.ExecutionSample` (the JDK's own tool) and prints
  1. each sample's area: the leaf-most frame on its stack that belongs to a known area decides (JDK frames, Jackson
     and Vert.x JSON are neutral: a JSON parse inside OIDC counts for OIDC, one inside the REST layer for REST),
     with the token-handling area split by what its leaf frames do;
  2. the hottest leaf frames (self time), like `jfr view hot-methods`.
JFR keeps 64 frames per stack by default, enough to see the area from the leaf. Percentages are of all samples.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys

# (area, frame prefixes). The leaf-most frame matching one of them decides; for one frame, the first area wins.
AREAS = [
    ("OIDC / bearer token (verification, claims, identity)", (
        "io.quarkus.oidc.", "org.jose4j.", "io.smallrye.jwt.", "io.quarkus.security.runtime.QuarkusIdentityProviderManagerImpl",
        "org.intranet.kit.security.")),
    ("Hibernate ORM + Narayana JTA + Agroal/JDBC", (
        "org.hibernate.", "com.arjuna.", "io.quarkus.narayana.", "io.agroal.", "org.postgresql.", "io.quarkus.hibernate.",
        "io.quarkus.agroal.", "jakarta.transaction.")),
    ("health checks", ("io.smallrye.health.", "io.quarkus.smallrye.health.")),
    ("REST layer + Jackson (resources, serialization)", (
        "org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive.", "com.fasterxml.jackson.", "io.quarkus.rest.")),
    ("security checks / authorization (HTTP permissions, @RolesAllowed)", (
        "io.quarkus.vertx.http.runtime.security.", "io.quarkus.security.")),
    ("Mutiny / context propagation / CDI", ("io.smallrye.mutiny.", "io.smallrye.context.", "io.quarkus.arc.", "io.vertx.core.impl.future")),
    ("metrics / tracing", ("io.micrometer.", "io.quarkus.micrometer.", "io.opentelemetry.", "io.quarkus.opentelemetry.")),
    ("Vert.x / Netty HTTP and socket I/O", ("io.netty.", "io.vertx.", "sun.nio.", "java.nio.")),
]

# Inside the token area: what the leaf-most recognisable frame is doing.
TOKEN_PARTS = [
    ("verified-token cache (SHA-256 key, identity rebuilt for the request)", ("org.intranet.kit.security.",)),
    ("RSA signature verification", ("sun.security.rsa.", "java.math.", "sun.security.util.", "java.security.Signature",
                                    "org.jose4j.jws.")),
    ("JSON parsing of the JWT (jose4j json_simple)", ("org.jose4j.json.",)),
    ("claims parsed again with Jackson / Vert.x JsonObject (OIDC identity; AccessTokenCredential's opaque check)", (
        "io.vertx.core.json.", "com.fasterxml.jackson.", "io.smallrye.jwt.", "jakarta.json.", "org.eclipse.parsson.")),
    ("base64url decoding", ("org.jose4j.base64url.", "java.util.Base64")),
    ("jose4j claims checks (JwtConsumer, JwtClaims)", ("org.jose4j.jwt.",)),
    ("other (maps, strings, Mutiny inside OIDC)", ("",)),
]

# Frames that say nothing about who asked for the work: skipped when deciding a sample's area.
NEUTRAL = ("java.", "javax.", "jdk.", "sun.", "com.sun.", "com.fasterxml.jackson.", "io.vertx.core.json.",
           "io.quarkus.vertx.runtime.jackson.")

FRAME = re.compile(r"^\s+([\w$.<>]+)\(.*?\)\s+line:")


def jfr_tool(explicit):
    if explicit:
        return explicit
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "jfr"), os.X_OK):
        return os.path.join(home, "bin", "jfr")
    for root in ("/usr/lib/jvm",):
        if os.path.isdir(root):
            for name in sorted(os.listdir(root), reverse=True):
                candidate = os.path.join(root, name, "bin", "jfr")
                if os.access(candidate, os.X_OK):
                    return candidate
    return shutil.which("jfr") or sys.exit("no `jfr` tool found: pass --jfr /path/to/jdk/bin/jfr")


def samples(jfr, recording):
    """Yields each execution sample's frames, leaf first (method names only)."""
    proc = subprocess.Popen([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                            stdout=subprocess.PIPE, text=True, bufsize=1 << 20)
    stack, in_stack = [], False
    for line in proc.stdout:
        if line.startswith("jdk.ExecutionSample"):
            stack, in_stack = [], False
        elif "stackTrace = [" in line:
            in_stack = True
        elif in_stack and line.strip() == "]":
            in_stack = False
            yield stack
        elif in_stack:
            m = FRAME.match(line)
            if m:
                stack.append(m.group(1))
    proc.wait()
    if proc.returncode:
        sys.exit(f"{jfr} print failed ({proc.returncode})")


def area_of(frames):
    for frame in frames:  # leaf first
        if frame.startswith(NEUTRAL):
            continue
        for name, prefixes in AREAS:
            if frame.startswith(prefixes):
                return name
    return None


def token_part(frames):
    for frame in frames:  # leaf first
        for name, prefixes in TOKEN_PARTS[:-1]:
            if frame.startswith(prefixes):
                return name
    return TOKEN_PARTS[-1][0]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("recording")
    parser.add_argument("--jfr")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    total = 0
    areas, parts, leaves = collections.Counter(), collections.Counter(), collections.Counter()
    for frames in samples(jfr_tool(args.jfr), args.recording):
        if not frames:
            continue
        total += 1
        leaves[frames[0]] += 1
        area = area_of(frames) or "other (JDK, GC helpers, logging, ...)"
        areas[area] += 1
        if area == AREAS[0][0]:
            parts[token_part(frames)] += 1
    if not total:
        sys.exit("no jdk.ExecutionSample events in " + args.recording)

    pct = lambda n: f"{100.0 * n / total:5.1f}%"
    print(f"{total} execution samples in {args.recording}\n")
    print("| area | samples | share |\n|---|---:|---:|")
    for name, _ in AREAS + [("other (JDK, GC helpers, logging, ...)", ())]:
        if areas[name]:
            print(f"| {name} | {areas[name]} | {pct(areas[name]).strip()} |")
            if name == AREAS[0][0]:
                for part, _ in TOKEN_PARTS:
                    if parts[part]:
                        print(f"| &nbsp;&nbsp;↳ {part} | {parts[part]} | {pct(parts[part]).strip()} |")
    print(f"\nhottest leaf frames (self time), top {args.top}:\n")
    for frame, n in leaves.most_common(args.top):
        print(f"  {pct(n)}  {frame}")


if __name__ == "__main__":
    main()
