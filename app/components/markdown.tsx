import ReactMarkdown from 'react-markdown'
import remarkGfm from 'remark-gfm'

// Raw HTML is dropped (skipHtml) and only http(s)/mailto links survive, so user text can never run script.
const SAFE_URL = /^(https?:|mailto:)/i

// Chat lines are conversation, not documents: emphasis, links, lists and code; a "# heading" or a
// table stays as its text rather than taking over the room.
const LITE_ELEMENTS = ['p', 'br', 'strong', 'em', 'del', 'a', 'ul', 'ol', 'li', 'code', 'pre', 'blockquote']

export function Markdown({ children, lite = false }: { children: string; lite?: boolean }) {
	return (
		<div className={lite ? 'markdown markdown--lite' : 'markdown'}>
			<ReactMarkdown
				remarkPlugins={[remarkGfm]}
				skipHtml
				{...(lite ? { allowedElements: LITE_ELEMENTS } : { disallowedElements: ['img'] })}
				unwrapDisallowed
				urlTransform={(url) => (SAFE_URL.test(url.trim()) ? url : '')}
				components={{
					// A link whose URL was refused stays as its text rather than a dead link.
					a: ({ node: _node, href, ...props }) => (href ? <a {...props} href={href} rel="nofollow noopener noreferrer" target="_blank" /> : <span>{props.children}</span>),
				}}
			>
				{children}
			</ReactMarkdown>
		</div>
	)
}
