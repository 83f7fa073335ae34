# golden_stages.sh - sourced by check_golden.sh and update_golden.sh: which
# golden files there are and the `sinter dump` options that produce them.
#
#   tests/golden/<example>.ast   --stage ast
#   tests/golden/<example>.ir    --stage ir
#   tests/golden/<example>.kir   --stage kernels
#   tests/golden/<example>.cu    --stage cuda --arch sm_90
#   tests/golden/<example>.hip   --stage hip --arch gfx942 (gfx942+ocp-fp8 for
#                                an example marked "# fp8: ocp": one that stores
#                                OCP FP8 by definition, MX/NVFP4 and NVIDIA's kernels)
#   tests/golden/<example>.cu100 --stage cuda --arch sm_100, for the examples
#                                in GOLDEN_CU100 only (those converting to
#                                f4e2m1 or f8e8m0: Blackwell's cvt instructions,
#                                codegen/prelude_sm100.cuh; the others print
#                                sm_90's source under another target line)
#
# Keep GOLDEN_STAGES in step with the golden-* tests in tests/meson.build.
GOLDEN_STAGES="ast ir kir cu hip cu100"
GOLDEN_CU100="fp8_group_ue8m0_deepgemm mxfp4_quant mxfp8_quant nvfp4_quant_swizzled silu_mul_nvfp4"

# golden_has EXT NAME: does example NAME have a golden file of stage EXT?
golden_has() {
    case $1 in
    cu100) case " $GOLDEN_CU100 " in *" $2 "*) return 0 ;; *) return 1 ;; esac ;;
    *) return 0 ;;
    esac
}

# golden_args EXT [SOURCE]: the dump options for tests/golden/*.EXT of
# SOURCE (status 1 if EXT is unknown)
golden_args() {
    case $1 in
    ast | ir) echo "--stage $1" ;;
    kir) echo "--stage kernels" ;;
    cu) echo "--stage cuda --arch sm_90" ;;
    cu100) echo "--stage cuda --arch sm_100" ;;
    hip)
        if [ -n "${2:-}" ] && grep -q '^# fp8: ocp' "$2"; then
            echo "--stage hip --arch gfx942+ocp-fp8"
        else
            echo "--stage hip --arch gfx942"
        fi ;;
    *) return 1 ;;
    esac
}
