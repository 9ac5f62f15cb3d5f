# The project's own warning set, applied only to wwwauth's own test, example, benchmark and
# fuzz targets (never to the INTERFACE target, so a parent project keeps its own flags).
option(WWWAUTH_WERROR "Treat warnings as errors in wwwauth's own targets" ${wwwauth_is_top_level})

function(wwwauth_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
  else()
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Wshadow)
  endif()
  if(WWWAUTH_WERROR)
    target_compile_options(${target} PRIVATE $<IF:$<BOOL:${MSVC}>,/WX,-Werror>)
  endif()
endfunction()
