# The pkg-config file relocates: an installed tree copied to another folder is found through
# its moved .pc file, which points into the moved copy, and a program compiled with the flags
# pkg-config prints builds and runs.
# cmake -DINSTALLED=<prefix> -DWORK=<dir> -DDATADIR=<share> -DVERSION=<x.y.z> -DCXX=<compiler>
#       -DSOURCE=<main.cpp> -P pkg_config_consumer.cmake
foreach(var INSTALLED WORK DATADIR VERSION CXX SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pkg_config_consumer.cmake needs -D${var}=...")
  endif()
endforeach()
find_program(PKG_CONFIG pkg-config)
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "pkg-config not found (Debian: pkgconf)")
endif()

set(moved ${WORK}/moved-prefix)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(COPY ${INSTALLED}/ DESTINATION ${moved})

set(ENV{PKG_CONFIG_PATH} ${moved}/${DATADIR}/pkgconfig)
set(ENV{PKG_CONFIG_LIBDIR} ${moved}/${DATADIR}/pkgconfig)  # this copy only, not the system's
# (--exact-version only answers with its exit status; it prints no flags.)
execute_process(COMMAND ${PKG_CONFIG} --exact-version=${VERSION} wwwauth RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pkg-config did not find wwwauth ${VERSION} in ${moved}")
endif()
execute_process(COMMAND ${PKG_CONFIG} --cflags wwwauth
                OUTPUT_VARIABLE cflags RESULT_VARIABLE status OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "pkg-config --cflags wwwauth failed in ${moved}")
endif()

string(REGEX MATCH "^-I([^ ]+)$" match "${cflags}")
if(NOT match)
  message(FATAL_ERROR "pkg-config --cflags printed '${cflags}', expected exactly one -I")
endif()
get_filename_component(include_dir "${CMAKE_MATCH_1}" REALPATH)
get_filename_component(expected_dir "${moved}/include" REALPATH)
if(NOT include_dir STREQUAL expected_dir)
  message(FATAL_ERROR "pkg-config's include folder is ${include_dir}, not the moved ${expected_dir}")
endif()

separate_arguments(cflag_list UNIX_COMMAND "${cflags}")
execute_process(COMMAND ${CXX} -std=c++17 ${cflag_list} ${SOURCE} -o ${WORK}/consumer
                RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "compiling ${SOURCE} with '${cflags}' failed")
endif()
execute_process(COMMAND ${WORK}/consumer RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the consumer built against the moved prefix exited with ${status}")
endif()
