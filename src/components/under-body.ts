/** An attachment that moves its element under <body>, so printing it alone can hide the rest of the page. */
export function underBody(node: HTMLElement) {
	document.body.append(node);
	return () => node.remove();
}
