export default defineBackground(() => {
  // wiring comes with the extension skeleton
});
