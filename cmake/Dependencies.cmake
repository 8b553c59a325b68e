# Third-party code, all from Debian: header-only libraries from /usr/include, Dear ImGui sources
# unpacked by scripts/bootstrap into third_party/, the UI font from fonts-noto-core.

# Emscripten must never see -I/usr/include (it would shadow its own sysroot), so both builds
# reach Debian's header-only libraries through a folder of symlinks in the build tree.
set(LIAISON_DEBIAN_HEADERS ${CMAKE_BINARY_DIR}/debian-include)
file(MAKE_DIRECTORY ${LIAISON_DEBIAN_HEADERS})
foreach(dir nlohmann doctest date CLI)
  if(NOT EXISTS /usr/include/${dir})
    message(FATAL_ERROR "/usr/include/${dir} is missing: run scripts/bootstrap")
  endif()
  file(CREATE_LINK /usr/include/${dir} ${LIAISON_DEBIAN_HEADERS}/${dir} SYMBOLIC)
endforeach()
add_library(debian_headers INTERFACE)
target_include_directories(debian_headers SYSTEM INTERFACE ${LIAISON_DEBIAN_HEADERS})

# Dear ImGui 1.90.1: compiled from source for both targets (Debian's prebuilt one is 1.86).
set(IMGUI_DIR ${CMAKE_SOURCE_DIR}/third_party/imgui-1.90.1)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "${IMGUI_DIR} is missing: run scripts/bootstrap")
endif()
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
  ${CMAKE_SOURCE_DIR}/ui/imgui_checks.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
# ImGui's checks stay on in every build and report instead of aborting (ui/imgui_config.hpp).
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  "IMGUI_USER_CONFIG=\"${CMAKE_SOURCE_DIR}/ui/imgui_config.hpp\"")

# The GLFW + OpenGL3 backends, used by both shells (Emscripten provides its own GLFW).
add_library(imgui_backends STATIC
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui)
if(EMSCRIPTEN)
  target_link_options(imgui_backends PUBLIC -sUSE_GLFW=3 -sMAX_WEBGL_VERSION=2 -sMIN_WEBGL_VERSION=2)
else()
  find_package(glfw3 3.3 REQUIRED)
  find_package(OpenGL REQUIRED)
  target_link_libraries(imgui_backends PUBLIC glfw OpenGL::GL ${CMAKE_DL_LIBS})
endif()

# The desktop programs allocate with jemalloc (libjemalloc-dev): opening a large store builds
# millions of records on both cores at once, and glibc's malloc grows the heap of a thread other
# than the first one page at a time, with an mprotect() call each: about 160,000 calls for the
# 50,000-patient bench clinic, which cost more than the second core saved.
if(NOT EMSCRIPTEN)
  find_library(JEMALLOC_LIBRARY jemalloc REQUIRED)
  add_library(desktop_allocator INTERFACE)  # for programs: its settings are compiled into each
  target_sources(desktop_allocator INTERFACE ${CMAKE_SOURCE_DIR}/native/allocator_settings.cpp)
  target_link_libraries(desktop_allocator INTERFACE ${JEMALLOC_LIBRARY})
endif()

# The UI font, shipped beside the binaries (desktop) or in the preloaded file system (web).
set(LIAISON_FONT_DIR /usr/share/fonts/truetype/noto)
set(LIAISON_FONTS NotoSans-Regular.ttf NotoSans-Bold.ttf)
foreach(font ${LIAISON_FONTS})
  if(NOT EXISTS ${LIAISON_FONT_DIR}/${font})
    message(FATAL_ERROR "${LIAISON_FONT_DIR}/${font} is missing: run scripts/bootstrap")
  endif()
endforeach()

# Every target compiled with the same warnings; Emscripten needs exceptions switched on so a
# parse error is reported instead of aborting the module. WebAssembly's own exception handling,
# not Emscripten's JavaScript emulation: with the emulation every call that may throw from a
# function with something to destroy is a round trip through JavaScript, and string-heavy code
# such as the worklist ran a third slower.
add_library(liaison_options INTERFACE)
target_compile_options(liaison_options INTERFACE -Wall -Wextra -Wpedantic)
if(EMSCRIPTEN)
  target_compile_options(liaison_options INTERFACE -fwasm-exceptions)
  target_link_options(liaison_options INTERFACE -fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)
endif()
