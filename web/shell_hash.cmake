# Writes sw.js with a cache name derived from the shell's files (run after each link of app).
# Usage: cmake -DSITE=<site dir> -DTEMPLATE=<sw.js.in> -P shell_hash.cmake
set(all "")
foreach(file index.html app.js app.wasm app.data manifest.webmanifest icon.svg)
  file(SHA256 ${SITE}/${file} hash)
  string(APPEND all ${hash})
endforeach()
string(SHA256 combined "${all}")
string(SUBSTRING ${combined} 0 16 LIAISON_SHELL_HASH)
configure_file(${TEMPLATE} ${SITE}/sw.js @ONLY)
