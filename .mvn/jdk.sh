# Sourced by ./mvnw and ./storycore (POSIX sh). Finds a JDK >= 21 and exports JAVA_HOME to it, so that
# Maven itself runs on it: packaging a modular jar runs the JDK's jar tool over class files built for
# release 21, which an older JDK cannot read. Looks at JAVA_HOME, the java on PATH and the usual JVM
# install directories. Returns 1, leaving JAVA_HOME alone, when there is none.

storycore_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

storycore_find_jdk() {
  # The caller may run with globbing off (mvnw uses set -f); the directory patterns below need it.
  case "$-" in *f*) _sc_noglob=1; set +f ;; *) _sc_noglob=0 ;; esac
  _sc_result=1
  _sc_path_home=""
  if command -v java >/dev/null 2>&1; then
    _sc_path_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
  fi
  for _sc_home in "${JAVA_HOME:-}" "$_sc_path_home" /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* \
      /usr/java/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$_sc_home" ] && [ -x "$_sc_home/bin/java" ] && [ -x "$_sc_home/bin/javac" ] || continue
    _sc_major="$(storycore_java_major "$_sc_home/bin/java")"
    if [ -n "$_sc_major" ] && [ "$_sc_major" -ge 21 ]; then
      printf '%s\n' "$_sc_home"
      _sc_result=0
      break
    fi
  done
  [ "$_sc_noglob" = 1 ] && set -f
  return "$_sc_result"
}

storycore_use_jdk21() {
  _sc_found="$(storycore_find_jdk)" || return 1
  JAVA_HOME="$_sc_found"
  export JAVA_HOME
}
